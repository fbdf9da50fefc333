package io.guestbench.agent.probe.net.wire;

import java.util.Objects;

/**
 * What a client asks a peer to take part in. The peer checks it against its own limits before
 * accepting; the bounds here are the protocol's, wider than any peer's defaults.
 *
 * @param kind what is measured
 * @param direction which way bulk data flows (stream tests; {@link Direction#SEND} otherwise)
 * @param connections parallel TCP connections of a stream test; 1 for the others
 * @param messageBytes payload of each data frame, request or datagram
 * @param responseBytes payload of each response (request/response tests; 0 otherwise)
 * @param warmupNanos unmeasured time at the start
 * @param durationNanos measured time after the warm-up
 * @param intervalNanos how often per-interval figures are taken
 * @param rate UDP stream: bits per second; request/response: requests per second, 0 for closed
 *     loop; 0 otherwise
 */
public record TestRequest(
    TestKind kind,
    Direction direction,
    int connections,
    int messageBytes,
    int responseBytes,
    long warmupNanos,
    long durationNanos,
    long intervalNanos,
    long rate) {
  public static final int MAX_CONNECTIONS = 128;
  public static final int MAX_MESSAGE_BYTES = 16 << 20;
  public static final long MAX_NANOS = 24L * 3600 * 1_000_000_000L;
  public static final long MIN_INTERVAL_NANOS = 10_000_000L;

  public TestRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(direction, "direction");
    check(connections >= 1 && connections <= MAX_CONNECTIONS, "connections", connections);
    check(messageBytes >= 1 && messageBytes <= MAX_MESSAGE_BYTES, "messageBytes", messageBytes);
    check(responseBytes >= 0 && responseBytes <= MAX_MESSAGE_BYTES, "responseBytes", responseBytes);
    check(warmupNanos >= 0 && warmupNanos <= MAX_NANOS, "warmupNanos", warmupNanos);
    check(durationNanos > 0 && durationNanos <= MAX_NANOS, "durationNanos", durationNanos);
    check(
        intervalNanos >= MIN_INTERVAL_NANOS && intervalNanos <= MAX_NANOS,
        "intervalNanos",
        intervalNanos);
    check(rate >= 0, "rate", rate);
  }

  /** Warm-up plus measured time: what the peer's duration limit applies to. */
  public long totalNanos() {
    return warmupNanos + durationNanos;
  }

  /** The largest frame payload either side sends in this test. */
  public int largestMessage() {
    return Math.max(messageBytes, responseBytes);
  }

  private static void check(boolean ok, String what, long value) {
    if (!ok) {
      throw new IllegalArgumentException(what + " " + value);
    }
  }
}
