package io.guestbench.agent.probe.disk;

/**
 * Count, sum, extremes and standard deviation of nanosecond measurements without percentiles.
 *
 * @param count measurements
 * @param sum their sum
 * @param min the smallest, 0 when there are none
 * @param max the largest, 0 when there are none
 * @param stddev population standard deviation
 */
public record Stats(long count, long sum, long min, long max, double stddev) {
  /** No measurements. */
  public static final Stats EMPTY = new Stats(0, 0, 0, 0, 0);

  public Stats {
    if (count < 0 || (count == 0 && (sum != 0 || min != 0 || max != 0)) || min > max) {
      throw new IllegalArgumentException("stats " + count + " " + sum + " " + min + " " + max);
    }
  }

  public double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }
}
