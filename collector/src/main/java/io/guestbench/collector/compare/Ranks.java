package io.guestbench.collector.compare;

/**
 * Mid-ranks of two sorted samples pooled: the first sample's rank sum and the tie term {@code
 * sum(t^3 - t)} over groups of t equal values.
 */
record Ranks(double sumFirst, double tieSum) {
  /** Whether any values were tied. */
  boolean tied() {
    return tieSum > 0;
  }

  /** Ranks {@code x} and {@code y}, each sorted ascending, by merging them. */
  static Ranks of(double[] x, double[] y) {
    int i = 0;
    int j = 0;
    double sumFirst = 0;
    double tieSum = 0;
    while (i < x.length || j < y.length) {
      double value = next(x, i, y, j);
      int fromX = 0;
      int fromY = 0;
      while (i < x.length && x[i] == value) {
        i++;
        fromX++;
      }
      while (j < y.length && y[j] == value) {
        j++;
        fromY++;
      }
      int t = fromX + fromY;
      // The t tied values share ranks (done+1 .. done+t): their mean is done + (t+1)/2.
      double midRank = i + j - t + (t + 1) / 2.0;
      sumFirst += fromX * midRank;
      tieSum += (double) t * t * t - t;
    }
    return new Ranks(sumFirst, tieSum);
  }

  private static double next(double[] x, int i, double[] y, int j) {
    if (i == x.length) {
      return y[j];
    }
    return j == y.length ? x[i] : Math.min(x[i], y[j]);
  }
}
