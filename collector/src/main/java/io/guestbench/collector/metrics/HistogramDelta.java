package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.Distribution;
import java.util.Arrays;

/**
 * What one checked distribution adds to its histogram series: classic, native and zero bucket
 * counts and the sum. Computed on the thread that checked the result, while its decoded counts are
 * at hand, so recording it after the batch is durable is a few array additions; a few hundred bytes
 * instead of the decoded histogram.
 */
final class HistogramDelta {
  private final long[] classic;
  private final int nativeFirst;
  private final long[] nativeCounts;
  private final long zeroCount;
  private final long sum;

  private HistogramDelta(
      long[] classic, int nativeFirst, long[] nativeCounts, long zeroCount, long sum) {
    this.classic = classic;
    this.nativeFirst = nativeFirst;
    this.nativeCounts = nativeCounts;
    this.zeroCount = zeroCount;
    this.sum = sum;
  }

  /**
   * The buckets of {@code histogram}, which decoded {@code d} after it passed the checks, so min,
   * max and count match. Each bucket is placed by its lowest value, raised to the run's exact
   * minimum and capped at its exact maximum.
   */
  static HistogramDelta of(HistogramSpec spec, HdrCounts histogram, Distribution d) {
    if (histogram.bucketed() != null) {
      return histogram.bucketed().withSum(d.getSum());
    }
    long[] classic = new long[spec.classicBucketCount()];
    long[] natives = new long[16];
    int nativeFirst = 0;
    int nativeUsed = 0;
    long zeroCount = 0;
    // Values ascend, so each lands at or after the previous one's classic and native bucket; a
    // bucket is looked up (a division and a search, then the bucket's last recorded integer from
    // the spec's table) only when a value passes the last recorded integer of the current one, a
    // few dozen times per histogram instead of once per value.
    int classicIndex = 0;
    long classicLast = -1;
    int nativeIndex = 0;
    long nativeLast = 0; // recorded 0 goes to the zero bucket, never to a native one
    for (int i = 0; i < histogram.size(); i++) {
      long recorded = Math.clamp(histogram.value(i), d.getMin(), d.getMax());
      long count = histogram.count(i);
      if (recorded > classicLast) {
        classicIndex = spec.classicIndexFrom(classicIndex, spec.toBaseUnit(recorded));
        classicLast = spec.classicLastRecorded(classicIndex);
      }
      classic[classicIndex] += count;
      if (recorded == 0) {
        zeroCount += count;
        continue;
      }
      if (recorded > nativeLast) {
        nativeIndex = NativeBuckets.index(spec.toBaseUnit(recorded));
        nativeLast = spec.nativeLastRecorded(nativeIndex);
        if (nativeUsed == 0) {
          nativeFirst = nativeIndex;
        }
        nativeUsed = nativeIndex - nativeFirst + 1; // ascending: never below the first
        if (nativeUsed > natives.length) {
          natives = Arrays.copyOf(natives, Math.max(nativeUsed, natives.length * 2));
        }
      }
      natives[nativeIndex - nativeFirst] += count;
    }
    return new HistogramDelta(
        classic, nativeFirst, Arrays.copyOf(natives, nativeUsed), zeroCount, d.getSum());
  }

  /** Buckets counted by {@link BucketingReader}; the sum comes with {@link #withSum}. */
  static HistogramDelta bucketed(
      long[] classic, int nativeFirst, long[] natives, int nativeUsed, long zeroCount) {
    return new HistogramDelta(
        classic, nativeFirst, Arrays.copyOf(natives, nativeUsed), zeroCount, 0);
  }

  private HistogramDelta withSum(long newSum) {
    return new HistogramDelta(classic, nativeFirst, nativeCounts, zeroCount, newSum);
  }

  /** Adds the classic counts to {@code target}, bucket by bucket. */
  void addClassic(long[] target) {
    for (int i = 0; i < classic.length; i++) {
      target[i] += classic[i];
    }
  }

  /** Adds the native counts to {@code target}. */
  void addNative(NativeCounts target) {
    for (int i = 0; i < nativeCounts.length; i++) {
      if (nativeCounts[i] != 0) {
        target.add(nativeFirst + i, nativeCounts[i]);
      }
    }
  }

  long zeroCount() {
    return zeroCount;
  }

  long sum() {
    return sum;
  }
}
