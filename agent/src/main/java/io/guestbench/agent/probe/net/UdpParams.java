package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.net.wire.Direction;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UDP stream test's checked parameters.
 *
 * @param net peer, warm-up and duration
 * @param bitsPerSecond the target rate of UDP payload
 * @param datagramBytes UDP payload of each datagram, our 33-byte header included
 */
public record UdpParams(NetParams net, long bitsPerSecond, int datagramBytes) {
  public static final String BITRATE = "bitrate";
  public static final String DATAGRAM_BYTES = "datagram_bytes";

  static final long MIN_BITRATE = 1_000;
  static final long MAX_BITRATE = 100_000_000_000L;

  /** Room for the 33-byte header with a margin. */
  static final int MIN_DATAGRAM = 64;

  static final int MAX_DATAGRAM = 65_507;
  private static final Pattern RATE = Pattern.compile("([0-9]{1,12})([kmg]?)");

  public UdpParams {
    Objects.requireNonNull(net, "net");
    if (bitsPerSecond < MIN_BITRATE || bitsPerSecond > MAX_BITRATE) {
      throw new IllegalArgumentException("bitrate " + bitsPerSecond);
    }
  }

  static UdpParams read(ParamReader reader) {
    NetParams net = NetParams.read(reader);
    String rate =
        reader.text(
            BITRATE,
            "10M",
            t -> parseBitrate(t) >= 0,
            "bits per second from 1k to 100G, e.g. 100M (k, M, G are powers of 1000)");
    long size = reader.number(DATAGRAM_BYTES, 1400, MIN_DATAGRAM, MAX_DATAGRAM);
    return new UdpParams(net, parseBitrate(rate), (int) size);
  }

  /** Bits per second in {@code 1000}, {@code 100M} or {@code 2G} form; -1 when not in range. */
  static long parseBitrate(String text) {
    Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return -1;
    }
    long factor =
        switch (m.group(2)) {
          case "k" -> 1_000L;
          case "m" -> 1_000_000L;
          case "g" -> 1_000_000_000L;
          default -> 1L;
        };
    long bits = Long.parseLong(m.group(1));
    if (bits > MAX_BITRATE / factor) {
      return -1;
    }
    bits *= factor;
    return bits >= MIN_BITRATE && bits <= MAX_BITRATE ? bits : -1;
  }

  TestRequest request() {
    return new TestRequest(
        TestKind.UDP_STREAM,
        Direction.SEND,
        1,
        datagramBytes,
        0,
        net.warmup().toNanos(),
        net.duration().toNanos(),
        net.duration().toNanos(),
        bitsPerSecond);
  }

  Map<String, String> asMap() {
    Map<String, String> map = net.asMap();
    map.put(BITRATE, Long.toString(bitsPerSecond));
    map.put(DATAGRAM_BYTES, Integer.toString(datagramBytes));
    return map;
  }
}
