package io.guestbench.e2e.load;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * When a load agent opens its next stream after a retryable Nack. The agent's reconnect backoff
 * ("equal jitter": half the delay fixed, half random) restarts from its first step after every
 * Welcome, and a load agent only redials a stream that was welcomed, so only that first step is
 * needed; it is shorter here than the agent's default (a few tens of ms), so that a refused batch
 * costs a retry's worth of latency and not a whole measurement window.
 */
final class Redial {
  static final Duration CEILING = Duration.ofMillis(50);

  private final ScheduledExecutorService scheduler;
  private final RandomGenerator random;

  /** {@code random} is shared by every agent, so it must be thread-safe (java.util.Random is). */
  Redial(ScheduledExecutorService scheduler, RandomGenerator random) {
    this.scheduler = scheduler;
    this.random = random;
  }

  /** A delay from half the {@link #CEILING} up to (not including) all of it. */
  long delayNanos() {
    long half = CEILING.toNanos() / 2;
    return half + (long) (random.nextDouble() * half);
  }

  /** Runs {@code connect} after {@link #delayNanos}. */
  ScheduledFuture<?> after(Runnable connect) {
    return scheduler.schedule(connect, delayNanos(), TimeUnit.NANOSECONDS);
  }
}
