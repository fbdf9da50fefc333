package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one distribution of a probe's results becomes a histogram family. Keeps, for each classic and
 * native bucket, the last recorded integer that falls in it, so bucketing a histogram looks those
 * up instead of searching for them with divisions.
 */
final class HistogramSpec {
  private static final int MAX_CACHED_SHAPES = 16;

  private final String distribution;
  private final Family family;
  private final double divisor;
  private final double[] upperBounds;
  private final long[] classicLast;
  private final int nativeFirst;
  private final long[] nativeLast;
  private final ConcurrentHashMap<Integer, CounterBounds> counterBounds = new ConcurrentHashMap<>();
  private volatile CounterBounds lastBounds; // agents send one shape again and again

  /**
   * @param distribution the {@code Distribution.name} in the result, for example {@code
   *     iteration_nanos}
   * @param family the histogram family, named in the base unit
   * @param divisor what a recorded integer is divided by to get the base unit, for example 1e9 from
   *     nanoseconds to seconds
   * @param upperBounds the classic buckets' upper bounds in the base unit, ascending; the
   *     constructor appends +Inf
   */
  HistogramSpec(String distribution, Family family, double divisor, double[] upperBounds) {
    this.distribution = Objects.requireNonNull(distribution, "distribution");
    this.family = Objects.requireNonNull(family, "family");
    if (!(divisor >= 1)) {
      // At least 1, so a recorded 1 stays within the native buckets' normal doubles.
      throw new IllegalArgumentException("divisor " + divisor);
    }
    this.divisor = divisor;
    double[] bounds = Arrays.copyOf(upperBounds, upperBounds.length + 1);
    bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
    for (int i = 1; i < bounds.length; i++) {
      if (!(bounds[i] > bounds[i - 1])) {
        throw new IllegalArgumentException("bounds must ascend: " + Arrays.toString(bounds));
      }
    }
    this.upperBounds = bounds;
    this.classicLast = new long[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      classicLast[i] = lastRecordedAtOrBelow(bounds[i], 0);
    }
    // Recorded integers 1 .. Long.MAX_VALUE fall in these native buckets, a few hundred at most.
    this.nativeFirst = NativeBuckets.index(toBaseUnit(1));
    this.nativeLast = new long[NativeBuckets.index(toBaseUnit(Long.MAX_VALUE)) - nativeFirst + 1];
    for (int i = 0; i < nativeLast.length; i++) {
      nativeLast[i] = lastRecordedAtOrBelow(NativeBuckets.exactUpperBound(nativeFirst + i), 0);
    }
  }

  String distribution() {
    return distribution;
  }

  Family family() {
    return family;
  }

  double divisor() {
    return divisor;
  }

  double[] upperBounds() {
    return upperBounds.clone();
  }

  /** How many classic buckets there are, +Inf included. */
  int classicBucketCount() {
    return upperBounds.length;
  }

  /** The classic bucket a value in the base unit falls in: the first bound at or above it. */
  int classicIndex(double value) {
    int i = Arrays.binarySearch(upperBounds, value);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * {@link #classicIndex} for a value known to be at or above one in bucket {@code from}: a walk
   * forward, cheaper than a search when the values come in ascending order.
   */
  int classicIndexFrom(int from, double value) {
    int i = from;
    while (upperBounds[i] < value) {
      i++;
    }
    return i;
  }

  /** The upper bound of classic bucket {@code index} in the base unit. */
  double classicUpperBound(int index) {
    return upperBounds[index];
  }

  /** The last recorded integer in classic bucket {@code index}: {@link #lastRecordedAtOrBelow}. */
  long classicLastRecorded(int index) {
    return classicLast[index];
  }

  /**
   * The last recorded integer in native bucket {@code index}, which holds at least one recorded
   * integer: {@link #lastRecordedAtOrBelow} of its upper bound.
   */
  long nativeLastRecorded(int index) {
    return nativeLast[index - nativeFirst];
  }

  /** The bucket ends in the counter indexes of {@code layout}'s shape; a handful per spec. */
  CounterBounds counterBounds(HdrLayout layout) {
    CounterBounds last = lastBounds;
    if (last != null && last.shape == layout.shape()) {
      return last;
    }
    CounterBounds bounds = counterBounds.get(layout.shape());
    if (bounds == null) {
      bounds = new CounterBounds(this, layout, nativeFirst, nativeLast.length);
      // Shapes come from the network; keep the few agents use, not every one a fuzzer can make.
      if (counterBounds.size() < MAX_CACHED_SHAPES) {
        counterBounds.putIfAbsent(layout.shape(), bounds);
      }
    }
    lastBounds = bounds;
    return bounds;
  }

  @Override
  public String toString() {
    return "HistogramSpec[" + distribution + " -> " + family.name() + ", /" + divisor + "]";
  }

  /**
   * The largest recorded integer whose value in the base unit is at most {@code bound}, given that
   * {@code from}'s is: values at or below it share {@code from}'s bucket of that bound. {@link
   * #toBaseUnit} never decreases, so the integers at or below a bound are a prefix.
   */
  long lastRecordedAtOrBelow(double bound, long from) {
    if (toBaseUnit(Long.MAX_VALUE) <= bound) {
      return Long.MAX_VALUE;
    }
    // Bracket the answer by galloping from the estimate bound * divisor, then bisect: the
    // estimate is off by a few integers at most, so this is two or three divisions.
    long low;
    long high;
    long guess = Math.max(from, (long) Math.min(bound * divisor, Long.MAX_VALUE - 1));
    if (toBaseUnit(guess) <= bound) {
      low = guess;
      high = low + 1;
      for (long step = 1; toBaseUnit(high) <= bound; step <<= 1) {
        low = high;
        high = Long.MAX_VALUE - low > 2 * step ? low + 2 * step : Long.MAX_VALUE;
      }
    } else {
      high = guess;
      low = high - 1;
      for (long step = 1; low > from && toBaseUnit(low) > bound; step <<= 1) {
        high = low;
        low = Math.max(from, low - 2 * step);
      }
    }
    while (high - low > 1) {
      long mid = low + (high - low) / 2;
      if (toBaseUnit(mid) <= bound) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Classic buckets from per-bucket (not cumulative) counts. */
  ClassicHistogramBuckets classicBuckets(long[] counts) {
    return ClassicHistogramBuckets.of(upperBounds, counts);
  }

  /** A recorded integer in the base unit; division rounds correctly, so 1000 ns is 1e-6 s. */
  double toBaseUnit(long recorded) {
    return recorded / divisor;
  }
}
