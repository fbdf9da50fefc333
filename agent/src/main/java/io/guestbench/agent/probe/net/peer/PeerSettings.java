package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.PeerSecret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a peer serves tests.
 *
 * @param bind the address to listen on, for example {@code 0.0.0.0}
 * @param port TCP and UDP port; 0 picks a free one
 * @param secret when present, clients must prove they hold it
 * @param maxConcurrentTests tests served at once; more get a busy answer
 * @param maxDuration longest test (warm-up included) the peer takes part in
 * @param maxMessageBytes largest data frame, request, response or datagram
 */
public record PeerSettings(
    String bind,
    int port,
    Optional<PeerSecret> secret,
    int maxConcurrentTests,
    Duration maxDuration,
    int maxMessageBytes) {
  public static final int DEFAULT_PORT = 7071;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

  public PeerSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
    if (maxConcurrentTests < 1) {
      throw new IllegalArgumentException("maxConcurrentTests " + maxConcurrentTests);
    }
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException("maxDuration " + maxDuration);
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("maxMessageBytes " + maxMessageBytes);
    }
  }

  /** Every address, the default port, no secret, one test at a time of at most 5 minutes. */
  public static PeerSettings defaults() {
    return new PeerSettings(
        "0.0.0.0",
        DEFAULT_PORT,
        Optional.empty(),
        1,
        Duration.ofMinutes(5),
        DEFAULT_MAX_MESSAGE_BYTES);
  }
}
