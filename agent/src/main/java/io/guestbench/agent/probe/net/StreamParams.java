package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.Direction;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.guestbench.common.text.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The stream test's checked parameters.
 *
 * @param net peer, warm-up and duration
 * @param direction which way the bytes flow
 * @param streams parallel connections
 * @param messageBytes payload of each data frame (the size of each write)
 * @param interval how often a per-interval throughput is taken
 */
public record StreamParams(
    NetParams net, Direction direction, int streams, int messageBytes, Duration interval) {
  public static final String DIRECTION = "direction";
  public static final String STREAMS = "streams";
  public static final String MESSAGE_BYTES = "message_bytes";
  public static final String INTERVAL = "interval";

  static final int MAX_STREAMS = 64;
  static final int DEFAULT_MESSAGE_BYTES = 128 << 10;

  public StreamParams {
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(interval, "interval");
  }

  static StreamParams read(ParamReader reader) {
    NetParams net = NetParams.read(reader);
    String direction = reader.choice(DIRECTION, "send", Direction.labels());
    long streams = reader.number(STREAMS, 1, 1, MAX_STREAMS);
    long bytes = reader.number(MESSAGE_BYTES, DEFAULT_MESSAGE_BYTES, 1024, 1 << 20);
    // At most as many intervals as one result carries, none shorter than 100 ms.
    Duration min = max(net.duration().dividedBy(Control.MAX_INTERVALS), Duration.ofMillis(100));
    Duration interval =
        reader.duration(INTERVAL, max(min, Duration.ofSeconds(1)), min, Duration.ofMinutes(1));
    return new StreamParams(
        net, Direction.byLabel(direction), (int) streams, (int) bytes, interval);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  TestRequest request() {
    return new TestRequest(
        TestKind.STREAM,
        direction,
        streams,
        messageBytes,
        0,
        net.warmup().toNanos(),
        net.duration().toNanos(),
        interval.toNanos(),
        0);
  }

  Map<String, String> asMap() {
    Map<String, String> map = net.asMap();
    map.put(DIRECTION, direction.label());
    map.put(STREAMS, Integer.toString(streams));
    map.put(MESSAGE_BYTES, Integer.toString(messageBytes));
    map.put(INTERVAL, Durations.format(interval));
    return map;
  }
}
