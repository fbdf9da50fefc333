package io.guestbench.collector.ingest;

import io.guestbench.common.time.Clock;

/**
 * A token bucket of results for one agent stream: {@code perSecond} sustained, {@code burst} at
 * once. A batch that does not fit is refused whole with a retryable Nack, so the agent backs off
 * and resends it; nothing is lost and no agent can starve the others of ingest.
 */
final class ResultRate {
  private static final double NANOS_PER_SECOND = 1e9;
  private final Clock clock;
  private final double perSecond;
  private final double burst;
  private double tokens;
  private long lastNanos;

  ResultRate(Clock clock, double perSecond, double burst) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate " + perSecond + "/s, burst " + burst);
    }
    this.clock = clock;
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = clock.monotonicNanos();
  }

  /** Takes {@code results} tokens if there are that many; false (and takes none) otherwise. */
  synchronized boolean tryTake(int results) {
    long now = clock.monotonicNanos();
    tokens = Math.min(burst, tokens + (now - lastNanos) / NANOS_PER_SECOND * perSecond);
    lastNanos = now;
    if (results > tokens) {
      return false;
    }
    tokens -= results;
    return true;
  }
}
