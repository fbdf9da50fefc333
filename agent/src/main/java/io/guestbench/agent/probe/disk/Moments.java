package io.guestbench.agent.probe.disk;

/**
 * Count, sum, extremes and sum of squares of measurements that need no percentiles (fio's slat and
 * lat). Not thread-safe: one per job thread, added up at the end.
 */
final class Moments {
  private long count;
  private long sum;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private double sumOfSquares;

  void record(long value) {
    count++;
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
    sumOfSquares += (double) value * value;
  }

  void add(Moments other) {
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    sumOfSquares += other.sumOfSquares;
  }

  /** The figures; all zero when nothing was recorded. */
  Stats stats() {
    if (count == 0) {
      return Stats.EMPTY;
    }
    double mean = (double) sum / count;
    double variance = Math.max(0, sumOfSquares / count - mean * mean);
    return new Stats(count, sum, min, max, Math.sqrt(variance));
  }
}
