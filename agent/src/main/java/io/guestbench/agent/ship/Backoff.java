package io.guestbench.agent.ship;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delays with "equal jitter": half the delay is fixed, half random, so a
 * fleet that lost its collector at once does not come back at once.
 */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final RandomGenerator random;
  private int attempts;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The delay before the next attempt; each call without {@link #reset} doubles the ceiling. */
  Duration next() {
    long ceiling = initialNanos << Math.min(attempts, 30);
    if (ceiling <= 0 || ceiling > maxNanos) {
      ceiling = maxNanos;
    }
    attempts++;
    long half = ceiling / 2;
    return Duration.ofNanos(half + (long) (random.nextDouble() * (ceiling - half)));
  }

  /** A connection succeeded: start from the initial delay again. */
  void reset() {
    attempts = 0;
  }
}
