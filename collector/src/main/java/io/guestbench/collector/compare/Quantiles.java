package io.guestbench.collector.compare;

/**
 * Sample quantiles by Hyndman and Fan's type 7 (R's and NumPy's default): the quantile p of n
 * sorted values is interpolated at position (n - 1) p, so the median of an even count is the mean
 * of the middle two.
 */
final class Quantiles {
  private Quantiles() {}

  /** The type 7 quantile of values already sorted ascending; p in [0, 1], at least one value. */
  static double ofSorted(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The median of values already sorted ascending. */
  static double median(double[] sorted) {
    return ofSorted(sorted, 0.5);
  }
}
