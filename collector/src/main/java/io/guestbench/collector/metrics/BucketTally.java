package io.guestbench.collector.metrics;

import java.util.Arrays;

/** The classic, native and zero buckets {@link BucketingReader} fills, and their total. */
final class BucketTally {
  private final long[] classic;
  // Room for about eight doublings at schema 3; wider histograms grow it.
  private long[] natives = new long[64];
  private int nativeBase = -1; // the native position of natives[0]; none yet
  private int nativeUsed;
  private long zeroCount;
  long held;

  BucketTally(int classicBuckets) {
    classic = new long[classicBuckets];
  }

  /**
   * Adds {@code count} to a classic bucket and to a native one, given as a position from the spec's
   * first native bucket; a negative position is the zero bucket. Native positions come in ascending
   * order. Nothing to add, nothing changes: an empty bucket is not a used one.
   */
  void add(int classicBucket, int nativePosition, long count) {
    // Adding nothing changes no count, so only the two marks below look at it (without a branch
    // that segments with and without counts, alternating at random, would mispredict).
    classic[classicBucket] += count;
    held += count;
    if (nativePosition < 0) {
      zeroCount += count;
      return;
    }
    if (nativeBase < 0) {
      if (count == 0) {
        return;
      }
      nativeBase = nativePosition;
    }
    int at = nativePosition - nativeBase;
    if (at >= natives.length) {
      natives = Arrays.copyOf(natives, Math.max(at + 1, natives.length * 2));
    }
    natives[at] += count;
    nativeUsed = count == 0 ? nativeUsed : at + 1;
  }

  /** The buckets as a delta, the spec's first native bucket being {@code nativeFirst}. */
  HistogramDelta delta(int nativeFirst) {
    return HistogramDelta.bucketed(
        classic, nativeBase < 0 ? 0 : nativeBase + nativeFirst, natives, nativeUsed, zeroCount);
  }
}
