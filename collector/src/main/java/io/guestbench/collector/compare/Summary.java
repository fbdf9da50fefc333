package io.guestbench.collector.compare;

import java.util.Arrays;

/**
 * One group's runs of one metric summarised: how many, the median, the interquartile range (type 7
 * quartiles, see {@link #of}) and the coefficient of variation.
 *
 * @param runs how many runs (values) the group has after exclusions
 * @param median the type 7 median
 * @param q1 the type 7 first quartile
 * @param q3 the type 7 third quartile
 * @param cv sample standard deviation (n - 1 denominator) over the mean; NaN with fewer than two
 *     runs or a mean of zero
 */
public record Summary(int runs, double median, double q1, double q3, double cv) {
  /** The interquartile range, {@code q3 - q1}. */
  public double iqr() {
    return q3 - q1;
  }

  /** Summarises values already sorted ascending (at least one). */
  static Summary of(double[] sorted) {
    double cv = Double.NaN;
    if (sorted.length >= 2) {
      double mean = Arrays.stream(sorted).average().orElseThrow();
      double squares = 0;
      for (double v : sorted) {
        squares += (v - mean) * (v - mean);
      }
      double sd = Math.sqrt(squares / (sorted.length - 1));
      cv = mean == 0 ? Double.NaN : sd / Math.abs(mean);
    }
    return new Summary(
        sorted.length,
        Quantiles.median(sorted),
        Quantiles.ofSorted(sorted, 0.25),
        Quantiles.ofSorted(sorted, 0.75),
        cv);
  }
}
