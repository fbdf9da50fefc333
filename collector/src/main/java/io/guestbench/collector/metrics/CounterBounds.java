package io.guestbench.collector.metrics;

import java.util.Arrays;

/**
 * Where a histogram spec's buckets end in the counter indexes of one HdrHistogram layout shape: the
 * first counter whose lowest value lies past each classic and native bucket, merged into segments
 * of counters that share both buckets. With these, bucketing a counter after the first is one index
 * comparison, not a value look-up.
 */
final class CounterBounds {
  /** The {@link HdrLayout#shape} these are for. */
  final int shape;

  /** The native index of {@code nativeEnd[0]}. */
  final int nativeFirst;

  /** Ascending: the first counter past each segment; the last is int's maximum. */
  final int[] segmentEnd;

  /** For each segment, its counters' classic bucket. */
  final int[] segmentClassic;

  /** For each segment, its counters' native bucket as a position from {@link #nativeFirst}. */
  final int[] segmentNative;

  CounterBounds(HistogramSpec spec, HdrLayout layout, int nativeFirst, int nativeCount) {
    // For each classic bucket, and each native one from nativeFirst, the first counter past it.
    int[] classicEnd = new int[spec.classicBucketCount()];
    for (int b = 0; b < classicEnd.length; b++) {
      classicEnd[b] = endOf(layout, spec.classicLastRecorded(b));
    }
    this.shape = layout.shape();
    this.nativeFirst = nativeFirst;
    int[] nativeEnd = new int[nativeCount];
    for (int k = 0; k < nativeEnd.length; k++) {
      nativeEnd[k] = endOf(layout, spec.nativeLastRecorded(nativeFirst + k));
    }
    int[] ends =
        Arrays.stream(concat(classicEnd, nativeEnd, Integer.MAX_VALUE))
            .distinct()
            .sorted()
            .toArray();
    segmentEnd = ends;
    segmentClassic = new int[ends.length];
    segmentNative = new int[ends.length];
    int start = 0;
    for (int s = 0; s < ends.length; s++) {
      segmentClassic[s] = firstPast(classicEnd, start);
      segmentNative[s] = firstPast(nativeEnd, start);
      start = ends[s];
    }
  }

  /** The first counter past the one holding {@code lastRecorded}; capped for the open buckets. */
  private static int endOf(HdrLayout layout, long lastRecorded) {
    return (int) Math.min(Integer.MAX_VALUE, layout.countsArrayIndex(lastRecorded) + 1);
  }

  /** The first bucket whose end lies past {@code counter}, or the last bucket. */
  private static int firstPast(int[] ends, int counter) {
    int b = 0;
    while (b < ends.length - 1 && ends[b] <= counter) {
      b++;
    }
    return b;
  }

  private static int[] concat(int[] a, int[] b, int last) {
    int[] all = Arrays.copyOf(a, a.length + b.length + 1);
    System.arraycopy(b, 0, all, a.length, b.length);
    all[all.length - 1] = last;
    return all;
  }
}
