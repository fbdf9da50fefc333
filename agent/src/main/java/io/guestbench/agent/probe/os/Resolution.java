package io.guestbench.agent.probe.os;

import java.util.function.LongSupplier;

/**
 * A clock's step: the smallest positive difference between two consecutive reads. A coarse clock
 * shows its tick within a few steps, so reading stops there; a clock that steps in single
 * nanoseconds shows its read cost instead, which is the finest interval it can time anyway, once
 * the loop is compiled: so a fine clock is read for many steps, and the reads bound the time either
 * way.
 */
final class Resolution {
  /** Enough for a 10 ms tick read every 5 ns, twice over: 25 ms to 100 ms of reads. */
  static final long MAX_READS = 5_000_000;

  /** Enough for the JIT to compile the loop; a 20 ns clock takes 2 ms for them. */
  static final int STEPS = 100_000;

  /**
   * A step this long is a tick, not a read's cost: even a clock that falls back to a syscall
   * (hundreds of ns a read) steps a hundred times finer. Once every step seen is at least this
   * long...
   */
  static final long COARSE_NANOS = 100_000;

  /**
   * ...this many of them give the tick: a coarse clock's value moves by whole ticks, so the
   * smallest step is the tick as soon as one step did not skip a tick. Reading such a clock to
   * {@link #MAX_READS} found the same step, 100 ms later (currentTimeMillis: 1 ms).
   */
  static final int COARSE_STEPS = 5;

  private Resolution() {}

  /**
   * The smallest step seen in {@code maxReads} reads or {@code steps} steps, or after {@link
   * #COARSE_STEPS} steps of at least {@link #COARSE_NANOS}; 0 if none.
   */
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
        if (seen >= COARSE_STEPS && smallest != Long.MAX_VALUE && smallest >= COARSE_NANOS) {
          break;
        }
      }
    }
    return smallest == Long.MAX_VALUE ? 0 : smallest;
  }

  static long smallestStep(LongSupplier clock) {
    return smallestStep(clock, STEPS, MAX_READS);
  }
}
