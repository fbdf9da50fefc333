package io.guestbench.collector.metrics;

import java.util.ArrayList;
import java.util.List;

/** Classic histogram bucket boundaries shared by catalogue entries. */
final class Buckets {
  private Buckets() {}

  /**
   * 1, 2.5 and 5 times each power of ten from {@code 10^fromExponent}, ending with {@code
   * 10^toExponent}. Parsed from decimal text so every bound is the double nearest to its decimal
   * value; {@code Math.pow} products would print as, say, {@code 9.999999999999999E-7}.
   */
  static double[] oneTwoFive(int fromExponent, int toExponent) {
    List<Double> bounds = new ArrayList<>();
    for (int e = fromExponent; e < toExponent; e++) {
      for (String mantissa : new String[] {"1", "2.5", "5"}) {
        bounds.add(Double.parseDouble(mantissa + "e" + e));
      }
    }
    bounds.add(Double.parseDouble("1e" + toExponent));
    return bounds.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
