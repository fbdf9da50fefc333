package io.guestbench.collector.metrics;

import java.util.Arrays;

/**
 * Reads an HdrHistogram payload's counters and buckets them for one histogram spec in the same
 * pass, without storing them: what {@link HdrDecoder} followed by {@link HistogramDelta#of} gives,
 * at about half the cost. The first non-empty counter is placed by its value, raised to the
 * result's minimum and capped at its maximum, as {@link HistogramDelta#of} places it; every later
 * one by its index against the spec's {@link CounterBounds}, which is where its lowest value would
 * go (the checks then require the minimum within the first counter and the maximum within the last,
 * so clamping moves no other counter). HistogramBucketingTest compares the two.
 */
final class BucketingReader {
  private BucketingReader() {}

  /**
   * Reads the counters in {@code buf[pos, end)}; fills the totals of {@code counts} and its
   * bucketed delta. False at the first thing the library might treat otherwise, as {@link
   * HdrDecoder} does, and then {@code counts} is left for the caller to reset.
   */
  static boolean read(
      byte[] buf,
      int pos,
      int end,
      HdrLayout layout,
      HistogramSpec spec,
      long min,
      long max,
      HdrCounts counts) {
    CounterBounds bounds = spec.counterBounds(layout);
    int[] classicEnd = bounds.classicEnd;
    int[] nativeEnd = bounds.nativeEnd;
    long[] classic = new long[spec.classicBucketCount()];
    long[] natives = new long[16];
    // The current classic and native bucket, the first counter past each, and the counts they
    // gathered since the last switch: kept in locals, so a counter is two compares and two adds.
    int classicIndex = -1; // none placed yet
    int classicLimit = 0;
    long classicRun = 0;
    int nativeK = -1; // the current native bucket's position in nativeEnd; none yet
    int nativeLimit = 0;
    long nativeRun = 0;
    int nativeFirst = 0; // the native index of natives[0]
    long zeroCount = 0;
    CounterWalk walk = new CounterWalk(buf, pos, end, layout.countsLength());
    while (walk.next()) {
      int i = walk.counter();
      long count = walk.count();
      if (classicIndex < 0) {
        if (min > max) {
          return false; // the checks refuse it anyway; leave it to the library's path
        }
        long recorded = Math.clamp(layout.valueFromIndex(i), min, max);
        classicIndex = spec.classicIndexFrom(0, spec.toBaseUnit(recorded));
        classicLimit = classicEnd[classicIndex];
        classicRun = count;
        if (recorded == 0) {
          zeroCount = count;
        } else {
          nativeK = NativeBuckets.index(spec.toBaseUnit(recorded)) - bounds.nativeFirst;
          nativeFirst = nativeK + bounds.nativeFirst;
          nativeLimit = nativeEnd[nativeK];
          nativeRun = count;
        }
        continue;
      }
      if (i >= classicLimit) {
        classic[classicIndex] += classicRun;
        classicRun = 0;
        do {
          classicIndex++;
        } while (i >= classicEnd[classicIndex]);
        classicLimit = classicEnd[classicIndex];
      }
      classicRun += count;
      // Only counter 0 can hold a recorded 0, and a later counter's lowest value is positive.
      if (nativeK < 0) {
        nativeK =
            NativeBuckets.index(spec.toBaseUnit(layout.valueFromIndex(i))) - bounds.nativeFirst;
        nativeFirst = nativeK + bounds.nativeFirst;
        nativeLimit = nativeEnd[nativeK];
      } else if (i >= nativeLimit) {
        natives = add(natives, nativeK + bounds.nativeFirst - nativeFirst, nativeRun);
        nativeRun = 0;
        do {
          nativeK++;
        } while (i >= nativeEnd[nativeK]);
        nativeLimit = nativeEnd[nativeK];
      }
      nativeRun += count;
    }
    int nativeUsed = 0;
    if (classicIndex >= 0) {
      classic[classicIndex] += classicRun;
    }
    if (nativeK >= 0) {
      nativeUsed = nativeK + bounds.nativeFirst - nativeFirst + 1;
      natives = add(natives, nativeUsed - 1, nativeRun);
    }
    if (walk.refused()) {
      return false;
    }
    counts.summarize(
        walk.held(),
        walk.min(layout),
        walk.max(layout),
        HistogramDelta.bucketed(classic, nativeFirst, natives, nativeUsed, zeroCount));
    return true;
  }

  /** {@code natives} with {@code count} added at {@code at}, grown if it is past the end. */
  private static long[] add(long[] natives, int at, long count) {
    long[] target =
        at < natives.length
            ? natives
            : Arrays.copyOf(natives, Math.max(at + 1, natives.length * 2));
    target[at] += count;
    return target;
  }
}
