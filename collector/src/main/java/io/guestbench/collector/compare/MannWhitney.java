package io.guestbench.collector.compare;

/**
 * The two-sided Mann–Whitney U test as R's {@code wilcox.test(x, y, exact = NULL, correct = TRUE)}
 * computes it: the exact distribution of U when there are no ties and both groups have fewer than
 * {@value #EXACT_BELOW} values, else the normal approximation with the tie-corrected variance and a
 * continuity correction of one half.
 */
final class MannWhitney {
  /** Groups at least this large use the normal approximation, as in R. */
  static final int EXACT_BELOW = 50;

  private MannWhitney() {}

  /** Tests values {@code x} against {@code y}; both sorted ascending, both non-empty. */
  static RankTest test(double[] x, double[] y) {
    Ranks ranks = Ranks.of(x, y);
    double u = ranks.sumFirst() - x.length * (x.length + 1) / 2.0;
    if (!ranks.tied() && x.length < EXACT_BELOW && y.length < EXACT_BELOW) {
      return new RankTest(u, exactP((int) Math.round(u), x.length, y.length), true);
    }
    return new RankTest(u, normalP(u, x.length, y.length, ranks.tieSum()), false);
  }

  private static double normalP(double u, int m, int n, double tieSum) {
    int total = m + n;
    double variance = m * (double) n / 12 * ((total + 1) - tieSum / (total * (total - 1.0)));
    if (!(variance > 0)) {
      return 1; // every value equal: no evidence of a difference
    }
    double centred = u - m * (double) n / 2;
    double z = (centred - 0.5 * Math.signum(centred)) / Math.sqrt(variance);
    return Math.min(1, 2 * Normal.upperTail(Math.abs(z)));
  }

  private static double exactP(int u, int m, int n) {
    double[] counts = counts(m, n);
    double all = 0;
    double atMost = 0;
    for (int k = 0; k < counts.length; k++) {
      all += counts[k];
      atMost += k <= u ? counts[k] : 0;
    }
    double atLeast = all - atMost + counts[u];
    return Math.min(1, 2 * Math.min(atMost, atLeast) / all);
  }

  /**
   * How many of the C(m+n, m) orderings give each U, by f(i, j, u) = f(i-1, j, u-j) + f(i, j-1, u):
   * the largest value is either the first group's (beating all j of the second) or not. Only
   * additions of non-negative numbers, so doubles stay accurate far beyond 2^53.
   */
  static double[] counts(int m, int n) {
    double[][] previous = null;
    double[][] current = null;
    for (int j = 0; j <= n; j++) {
      current = new double[m + 1][];
      for (int i = 0; i <= m; i++) {
        current[i] = new double[i * j + 1];
        if (i == 0 || j == 0) {
          current[i][0] = 1;
          continue;
        }
        for (int k = 0; k <= i * j; k++) {
          double largestFirst = k >= j ? current[i - 1][k - j] : 0;
          double largestSecond = k <= i * (j - 1) ? previous[i][k] : 0;
          current[i][k] = largestFirst + largestSecond;
        }
      }
      previous = current;
    }
    return current[m];
  }
}
