package io.guestbench.agent.host.imds;

import io.guestbench.common.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Holds the session token until shortly before IMDS would expire it. */
final class TokenCache {
  private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

  private final Clock clock;
  private final long lifetimeNanos;
  private String token;
  private long freshUntil;

  TokenCache(Clock clock, Duration ttl) {
    this.clock = clock;
    // Give up the token a tenth of its TTL (at most a minute) early, so it never dies in flight.
    Duration margin = ttl.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? ttl.dividedBy(10) : MAX_MARGIN;
    this.lifetimeNanos = ttl.minus(margin).toNanos();
  }

  synchronized Optional<String> current() {
    if (token != null && clock.monotonicNanos() - freshUntil < 0) {
      return Optional.of(token);
    }
    token = null;
    return Optional.empty();
  }

  /** Keeps a token whose request was sent at {@code requestedAt} (monotonic nanos). */
  synchronized void store(String newToken, long requestedAt) {
    token = newToken;
    freshUntil = requestedAt + lifetimeNanos;
  }

  synchronized void invalidate() {
    token = null;
  }
}
