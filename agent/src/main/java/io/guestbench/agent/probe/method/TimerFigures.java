package io.guestbench.agent.probe.method;

import io.guestbench.common.time.Clock;

/**
 * What reading the measuring clock costs on this machine right now, measured at the start of every
 * run: the basis for how many operations a timed batch needs.
 *
 * @param costNanos nanoseconds per read, the best of a few blocks of back-to-back reads
 * @param resolutionNanos the smallest step seen between two reads, or 0 when none was seen
 */
public record TimerFigures(double costNanos, long resolutionNanos) {
  private static final int BLOCKS = 5;
  private static final int READS_PER_BLOCK = 1000;

  public TimerFigures {
    if (!(costNanos >= 0) || resolutionNanos < 0) {
      throw new IllegalArgumentException(costNanos + " ns per read, " + resolutionNanos + " ns");
    }
  }

  /** Reads {@code clock} a few thousand times back to back; bounded by reads, not by time. */
  public static TimerFigures measure(Clock clock) {
    double best = Double.POSITIVE_INFINITY;
    long step = Long.MAX_VALUE;
    for (int block = 0; block < BLOCKS; block++) {
      long first = clock.monotonicNanos();
      long previous = first;
      for (int i = 0; i < READS_PER_BLOCK; i++) {
        long now = clock.monotonicNanos();
        long delta = now - previous;
        if (delta > 0 && delta < step) {
          step = delta;
        }
        previous = now;
      }
      best = Math.min(best, (previous - first) / (double) READS_PER_BLOCK);
    }
    return new TimerFigures(best, step == Long.MAX_VALUE ? 0 : step);
  }

  /** The clock's contribution to one timed interval: its cost or its step, whichever is larger. */
  public double uncertaintyNanos() {
    return Math.max(costNanos, resolutionNanos);
  }
}
