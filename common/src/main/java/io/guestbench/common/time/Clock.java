package io.guestbench.common.time;

/**
 * The one source of time outside probes' measured loops, so tests can drive time by hand. Wall time
 * is for timestamps that leave the process; monotonic time is for intervals.
 */
public interface Clock {

  /** Nanoseconds since the Unix epoch. */
  long wallNanos();

  /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
  long monotonicNanos();

  /** The system clock. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
