package io.guestbench.collector.metrics;

/**
 * The index arithmetic of an HdrHistogram with a given lowest discernible value, highest trackable
 * value and precision, computed exactly as HdrHistogram 2.2 computes it (the same floating-point
 * expressions included), so counts read straight from an encoding land on the values the library
 * would report. HdrHistogramLayoutTest checks it against the library.
 */
final class HdrLayout {
  private final int unitMagnitude;
  private final long unitMagnitudeMask;
  private final int subBucketHalfCountMagnitude;
  private final int subBucketHalfCount;
  private final long subBucketMask;
  private final int leadingZeroCountBase;
  private final int countsLength;
  private final boolean representable;

  /** Needs lowest at least 1, highest at least twice that, digits 0 to 5 (the library's own). */
  HdrLayout(long lowest, long highest, int digits) {
    long largestWithUnitResolution = 2 * (long) Math.pow(10, digits);
    unitMagnitude = (int) (Math.log(lowest) / Math.log(2));
    unitMagnitudeMask = (1 << unitMagnitude) - 1; // an int shift, as in the library
    int subBucketCountMagnitude =
        (int) Math.ceil(Math.log(largestWithUnitResolution) / Math.log(2));
    subBucketHalfCountMagnitude = subBucketCountMagnitude - 1;
    int subBucketCount = 1 << subBucketCountMagnitude;
    subBucketHalfCount = subBucketCount / 2;
    subBucketMask = ((long) subBucketCount - 1) << unitMagnitude;
    leadingZeroCountBase = 64 - unitMagnitude - subBucketCountMagnitude;
    representable = subBucketCountMagnitude + unitMagnitude <= 62;
    // Beyond 62 bits the shifts below overflow (to 0 they would loop forever); the library
    // refuses such a range, and so does the caller once it sees it is not representable.
    countsLength =
        representable ? (bucketsNeeded(subBucketCount, highest) + 1) * subBucketHalfCount : 0;
  }

  /** False where the library refuses the range and precision (it throws). */
  boolean representable() {
    return representable;
  }

  private int bucketsNeeded(int subBucketCount, long highest) {
    long smallestUntrackable = (long) subBucketCount << unitMagnitude;
    int buckets = 1;
    while (smallestUntrackable <= highest) {
      if (smallestUntrackable > Long.MAX_VALUE / 2 || smallestUntrackable <= 0) {
        return buckets + 1;
      }
      smallestUntrackable <<= 1;
      buckets++;
    }
    return buckets;
  }

  /** The length of the library's counts array for this range. */
  int countsLength() {
    return countsLength;
  }

  /** The lowest value that the counter at {@code index} stands for. */
  long valueFromIndex(int index) {
    int bucket = (index >> subBucketHalfCountMagnitude) - 1;
    int subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount;
    if (bucket < 0) {
      subBucket -= subBucketHalfCount;
      bucket = 0;
    }
    return (long) subBucket << (bucket + unitMagnitude);
  }

  /**
   * The index of the counter that holds {@code value} (not negative), as the library computes it; a
   * long, since values past the range give indexes past the counts array.
   */
  long countsArrayIndex(long value) {
    int bucket = leadingZeroCountBase - Long.numberOfLeadingZeros(value | subBucketMask);
    long subBucket = value >>> (bucket + unitMagnitude);
    return ((long) (bucket + 1) << subBucketHalfCountMagnitude) + (subBucket - subBucketHalfCount);
  }

  /** Layouts with the same shape map values to the same indexes, whatever their highest value. */
  int shape() {
    return unitMagnitude << 8 | subBucketHalfCountMagnitude;
  }

  long lowestEquivalentValue(long value) {
    int bucket = leadingZeroCountBase - Long.numberOfLeadingZeros(value | subBucketMask);
    long subBucket = (int) (value >>> (bucket + unitMagnitude));
    return subBucket << (bucket + unitMagnitude);
  }

  long highestEquivalentValue(long value) {
    int bucket = leadingZeroCountBase - Long.numberOfLeadingZeros(value | subBucketMask);
    return lowestEquivalentValue(value) + (1L << (unitMagnitude + bucket)) - 1;
  }

  boolean equivalent(long a, long b) {
    return lowestEquivalentValue(a) == lowestEquivalentValue(b);
  }

  /**
   * What {@code Histogram.getMaxValue()} reports when the highest non-empty counter is at {@code
   * highestIndex}, or -1 when all are empty (the library's tracked maximum starts at its unit
   * mask).
   */
  long maxValue(int highestIndex) {
    long highest = highestIndex < 0 ? 0 : highestEquivalentValue(valueFromIndex(highestIndex));
    long tracked = highest | unitMagnitudeMask;
    return tracked == 0 ? 0 : highestEquivalentValue(tracked);
  }

  /**
   * What {@code Histogram.getMinNonZeroValue()} reports for the lowest non-empty counter above 0.
   */
  long minNonZeroValue(int lowestIndex) {
    long value = valueFromIndex(lowestIndex);
    return value <= unitMagnitudeMask
        ? Long.MAX_VALUE
        : lowestEquivalentValue(value & ~unitMagnitudeMask);
  }
}
