package io.guestbench.agent.probe.disk;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Per-interval completion latencies of all job threads, HdrHistogram's {@link Recorder} pattern:
 * the threads record without locks, and the runner's thread swaps out each interval's histogram
 * when the interval ends. Recycled histograms keep the swap free of allocation after the first.
 */
final class Intervals {
  private final Recorder read = new Recorder(3);
  private final Recorder write = new Recorder(3);
  private Histogram readSpare;
  private Histogram writeSpare;

  /** Called by job threads for every completion inside the window. */
  void record(boolean isRead, long clatNanos) {
    (isRead ? read : write).recordValue(clatNanos);
  }

  /** Ends the current interval; called by one thread only. */
  IntervalFigures close(int index, long startNanos, long nanos) {
    readSpare = read.getIntervalHistogram(readSpare);
    writeSpare = write.getIntervalHistogram(writeSpare);
    return new IntervalFigures(index, startNanos, nanos, side(readSpare), side(writeSpare));
  }

  private static IntervalFigures.Side side(Histogram h) {
    if (h.getTotalCount() == 0) {
      return IntervalFigures.Side.NONE;
    }
    return new IntervalFigures.Side(
        h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
  }
}
