package io.guestbench.collector.metrics;

import java.util.Arrays;

/**
 * Prometheus native-histogram bucket indexing at one schema: bucket {@code i} holds the values in
 * {@code (base^(i-1), base^i]} with {@code base = 2^(2^-schema)}. Computed like client_golang's
 * {@code findBucket}: split the value into a fraction in [0.5, 1) and a power of two, then search
 * the fraction among the schema's bounds, so powers of two land exactly on bucket boundaries.
 */
final class NativeBuckets {
  /** Schema 3: eight buckets per doubling, each about 9% wide. */
  static final int SCHEMA = 3;

  /**
   * {@code 2^(i/8) / 2} for each bucket within one doubling, copied from client_golang's {@code
   * nativeHistogramBounds[3]}: three of them are one ulp below what {@code Math.pow} gives, and
   * matching Prometheus exactly matters more than the last bit.
   */
  private static final double[] FRACTION_BOUNDS = {
    0.5, 0.5452538663326288, 0.5946035575013605, 0.6484197773255048,
    0.7071067811865475, 0.7711054127039704, 0.8408964152537144, 0.9170040432046711,
  };

  private NativeBuckets() {}

  /** The bucket index of a positive, finite, normal value. */
  static int index(double value) {
    if (!(value >= Double.MIN_NORMAL) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("no native bucket for " + value);
    }
    int exponent = Math.getExponent(value) + 1; // value = fraction * 2^exponent
    double fraction = Math.scalb(value, -exponent);
    int i = Arrays.binarySearch(FRACTION_BOUNDS, fraction);
    int firstBoundAtOrAbove = i >= 0 ? i : -i - 1;
    return firstBoundAtOrAbove + (exponent - 1) * FRACTION_BOUNDS.length;
  }

  /**
   * The largest value {@link #index} puts in bucket {@code index}, from the same fraction bounds: a
   * bucket holds {@code (exactUpperBound(index - 1), exactUpperBound(index)]}.
   */
  static double exactUpperBound(int index) {
    int perDoubling = FRACTION_BOUNDS.length;
    int exponent = Math.floorDiv(index - 1, perDoubling) + 1;
    int j = Math.floorMod(index - 1, perDoubling) + 1;
    return Math.scalb(j == perDoubling ? 1.0 : FRACTION_BOUNDS[j], exponent);
  }

  /** The upper bound of bucket {@code index}, {@code base^index}; for tests and documentation. */
  static double upperBound(int index) {
    return Math.pow(2, index / (double) (1 << SCHEMA));
  }

  static double[] fractionBounds() {
    return FRACTION_BOUNDS.clone();
  }
}
