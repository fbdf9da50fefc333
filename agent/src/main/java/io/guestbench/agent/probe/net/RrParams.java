package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.net.wire.Datagrams;
import io.guestbench.agent.probe.net.wire.Direction;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request/response tests' checked parameters (net.rr and net.crr).
 *
 * @param net peer, warm-up and duration
 * @param kind TCP request/response, connect/request/response, or UDP request/response
 * @param requestBytes payload of each request, after the 8-byte frame header
 * @param responseBytes payload of each response
 * @param rate requests per second in open loop; 0 for closed loop
 */
public record RrParams(
    NetParams net, TestKind kind, int requestBytes, int responseBytes, long rate) {
  public static final String MODE = "mode";
  public static final String REQUEST_BYTES = "request_bytes";
  public static final String RESPONSE_BYTES = "response_bytes";
  public static final String RATE = "rate";
  public static final String LOOP = "loop";

  static final int MAX_TCP_BYTES = 1 << 20;
  static final int MAX_UDP_BYTES = 65_507 - 8;
  static final long MAX_RATE = 1_000_000;

  public RrParams {
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(kind, "kind");
  }

  /** net.rr: {@code mode} chooses TCP or UDP; open loop when {@code rate} is set. */
  static RrParams readRr(ParamReader reader) {
    NetParams net = NetParams.read(reader);
    String mode = reader.choice(MODE, "tcp_rr", List.of("tcp_rr", "udp_rr"));
    boolean udp = mode.equals("udp_rr");
    int min = udp ? Datagrams.RR_MIN_PAYLOAD : 1;
    int max = udp ? MAX_UDP_BYTES : MAX_TCP_BYTES;
    long request = reader.number(REQUEST_BYTES, min, min, max);
    long response = reader.number(RESPONSE_BYTES, min, min, max);
    // UDP runs closed loop only: open loop there would need loss-aware pacing it does not have.
    long rate = reader.number(RATE, 0, 0, udp ? 0 : MAX_RATE);
    return new RrParams(
        net, udp ? TestKind.UDP_RR : TestKind.RR, (int) request, (int) response, rate);
  }

  /** net.crr: one connection per transaction, closed loop. */
  static RrParams readCrr(ParamReader reader) {
    NetParams net = NetParams.read(reader);
    long request = reader.number(REQUEST_BYTES, 1, 1, MAX_TCP_BYTES);
    long response = reader.number(RESPONSE_BYTES, 1, 1, MAX_TCP_BYTES);
    return new RrParams(net, TestKind.CRR, (int) request, (int) response, 0);
  }

  /** The {@code mode} label: tcp_rr, tcp_crr or udp_rr. */
  String mode() {
    return switch (kind) {
      case RR -> "tcp_rr";
      case CRR -> "tcp_crr";
      case UDP_RR -> "udp_rr";
      case STREAM, UDP_STREAM -> throw new IllegalStateException(kind + " is not request/response");
    };
  }

  TestRequest request() {
    return new TestRequest(
        kind,
        Direction.SEND,
        1,
        requestBytes,
        responseBytes,
        net.warmup().toNanos(),
        net.duration().toNanos(),
        net.duration().toNanos(),
        rate);
  }

  /** The parameters as a result carries them, with the derived {@code mode} and {@code loop}. */
  Map<String, String> asMap() {
    Map<String, String> map = net.asMap();
    map.put(MODE, mode());
    map.put(REQUEST_BYTES, Integer.toString(requestBytes));
    map.put(RESPONSE_BYTES, Integer.toString(responseBytes));
    map.put(LOOP, rate == 0 ? "closed" : "open");
    if (rate > 0) {
      map.put(RATE, Long.toString(rate));
    }
    return map;
  }
}
