package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.guestbench.common.text.Durations;
import java.time.Duration;
import java.util.Optional;

/** What a peer refuses to take part in, whatever the client's own checks allowed. */
final class PeerLimits {
  /** Parallel connections of one stream test. */
  static final int MAX_CONNECTIONS = 64;

  /** The largest UDP payload over IPv4. */
  static final int MAX_DATAGRAM_BYTES = 65_507;

  /** Measured datagrams one UDP stream test may send: bounds the receiver's bookkeeping. */
  static final long MAX_DATAGRAMS = 50_000_000L;

  private PeerLimits() {}

  /** Why {@code request} is refused, or empty when the peer takes it. */
  static Optional<String> problem(TestRequest request, PeerSettings settings) {
    Duration total = Duration.ofNanos(request.totalNanos());
    if (total.compareTo(settings.maxDuration()) > 0) {
      return Optional.of(
          "a test of "
              + Durations.format(total)
              + " (warm-up included) exceeds this peer's limit of "
              + Durations.format(settings.maxDuration()));
    }
    if (request.largestMessage() > settings.maxMessageBytes()) {
      return Optional.of(
          "messages of "
              + request.largestMessage()
              + " bytes exceed this peer's limit of "
              + settings.maxMessageBytes());
    }
    if (request.connections() > MAX_CONNECTIONS) {
      return Optional.of(
          request.connections() + " connections exceed the limit of " + MAX_CONNECTIONS);
    }
    if (request.kind().udp() && request.largestMessage() > MAX_DATAGRAM_BYTES) {
      return Optional.of("datagrams of more than " + MAX_DATAGRAM_BYTES + " bytes do not exist");
    }
    if (request.kind() == TestKind.UDP_STREAM && expectedDatagrams(request) > MAX_DATAGRAMS) {
      return Optional.of(
          "rate and duration would send more than " + MAX_DATAGRAMS + " measured datagrams");
    }
    return Optional.empty();
  }

  /** How many measured datagrams a UDP stream test sends at its rate, rounded up. */
  static long expectedDatagrams(TestRequest request) {
    double perSecond = request.rate() / 8.0 / request.messageBytes();
    return (long) Math.ceil(perSecond * request.durationNanos() / 1e9);
  }

  /** Room for the expected datagrams with a margin, so a fast sender is not cut off. */
  static long udpCapacity(TestRequest request) {
    return Math.min(
        MAX_DATAGRAMS, expectedDatagrams(request) + expectedDatagrams(request) / 4 + 1024);
  }
}
