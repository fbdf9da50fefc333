package io.guestbench.collector.metrics;

/**
 * Where a histogram spec's buckets end in the counter indexes of one HdrHistogram layout shape: the
 * first counter whose lowest value lies past each classic and native bucket. With these, bucketing
 * a counter after the first is an index comparison, not a value look-up.
 */
final class CounterBounds {
  /** For each classic bucket, the first counter past it; the +Inf bucket's is int's maximum. */
  final int[] classicEnd;

  /** The native index of {@code nativeEnd[0]}. */
  final int nativeFirst;

  /** For each native bucket from {@code nativeFirst}, the first counter past it. */
  final int[] nativeEnd;

  CounterBounds(HistogramSpec spec, HdrLayout layout, int nativeFirst, int nativeCount) {
    classicEnd = new int[spec.classicBucketCount()];
    for (int b = 0; b < classicEnd.length; b++) {
      classicEnd[b] = endOf(layout, spec.classicLastRecorded(b));
    }
    this.nativeFirst = nativeFirst;
    nativeEnd = new int[nativeCount];
    for (int k = 0; k < nativeEnd.length; k++) {
      nativeEnd[k] = endOf(layout, spec.nativeLastRecorded(nativeFirst + k));
    }
  }

  /** The first counter past the one holding {@code lastRecorded}; capped for the open buckets. */
  private static int endOf(HdrLayout layout, long lastRecorded) {
    return (int) Math.min(Integer.MAX_VALUE, layout.countsArrayIndex(lastRecorded) + 1);
  }
}
