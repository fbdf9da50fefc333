package io.guestbench.collector.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of the ratio of medians: each group is resampled with replacement on its own
 * (the groups are independent samples), and the interval is the type 7 quantiles alpha/2 and 1 -
 * alpha/2 of the resampled ratios. Percentile rather than BCa because BCa's acceleration comes from
 * the jackknife, which is inconsistent for the median; the percentile interval respects the log
 * transform (a ratio's natural scale) and its coverage is checked by simulation in the tests.
 */
final class Bootstrap {
  private Bootstrap() {}

  /**
   * The interval for {@code median(x) / median(y)}; both sorted ascending, all values above zero.
   * The same random stream and inputs give the same interval.
   */
  static RatioInterval ratioOfMedians(
      double[] x, double[] y, int resamples, double confidence, SplittableRandom random) {
    double[] ratios = new double[resamples];
    int[] xi = new int[x.length];
    int[] yi = new int[y.length];
    for (int b = 0; b < resamples; b++) {
      ratios[b] = resampledMedian(x, xi, random) / resampledMedian(y, yi, random);
    }
    Arrays.sort(ratios);
    double tail = (1 - confidence) / 2;
    return new RatioInterval(
        Quantiles.median(x) / Quantiles.median(y),
        Quantiles.ofSorted(ratios, tail),
        Quantiles.ofSorted(ratios, 1 - tail),
        confidence,
        resamples);
  }

  /**
   * The type 7 median of a resample of sorted values, drawn as indices (sorted indices = sorted
   * values).
   */
  private static double resampledMedian(double[] sorted, int[] indices, SplittableRandom random) {
    for (int k = 0; k < indices.length; k++) {
      indices[k] = random.nextInt(sorted.length);
    }
    Arrays.sort(indices);
    double h = (indices.length - 1) * 0.5;
    int lo = (int) h;
    int hi = Math.min(lo + 1, indices.length - 1);
    return sorted[indices[lo]] + (h - lo) * (sorted[indices[hi]] - sorted[indices[lo]]);
  }
}
