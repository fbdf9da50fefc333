package io.guestbench.agent.probe.os;

import java.util.function.LongSupplier;

/**
 * A clock's step: the smallest positive difference between two consecutive reads. One step is
 * enough to see it (a coarse clock jumps by a whole tick), so this stops after a few; a clock that
 * steps in single nanoseconds shows its read cost instead, which is the finest interval it can time
 * anyway.
 */
final class Resolution {
  /** Enough for a 10 ms tick read every 5 ns, twice over. */
  static final long MAX_READS = 5_000_000;

  static final int STEPS = 3;

  private Resolution() {}

  /** The smallest step seen in {@code maxReads} reads or {@code steps} steps; 0 if none. */
  static long smallestStep(LongSupplier clock, int steps, long maxReads) {
    long smallest = Long.MAX_VALUE;
    int seen = 0;
    long previous = clock.getAsLong();
    for (long i = 0; i < maxReads && seen < steps; i++) {
      long now = clock.getAsLong();
      if (now != previous) {
        seen++;
        if (now > previous) {
          smallest = Math.min(smallest, now - previous);
        }
        previous = now;
      }
    }
    return smallest == Long.MAX_VALUE ? 0 : smallest;
  }

  static long smallestStep(LongSupplier clock) {
    return smallestStep(clock, STEPS, MAX_READS);
  }
}
