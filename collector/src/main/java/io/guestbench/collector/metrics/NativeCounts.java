package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.Arrays;

/**
 * Accumulated native-histogram bucket counts, dense between the lowest and highest index seen. A
 * benchmark's values span a few doublings, so this stays a few dozen longs; even from 1 ns to the
 * largest long it is bounded by about 500 buckets at schema 3. Not thread-safe.
 */
final class NativeCounts {
  private int firstIndex;
  private long[] counts = new long[0];

  void add(int index, long count) {
    if (counts.length == 0) {
      firstIndex = index;
      counts = new long[1];
    } else if (index < firstIndex) {
      long[] grown = new long[counts.length + firstIndex - index];
      System.arraycopy(counts, 0, grown, firstIndex - index, counts.length);
      counts = grown;
      firstIndex = index;
    } else if (index >= firstIndex + counts.length) {
      counts = Arrays.copyOf(counts, index - firstIndex + 1);
    }
    counts[index - firstIndex] += count;
  }

  /** The non-empty buckets. */
  NativeHistogramBuckets snapshot() {
    int n = 0;
    for (long c : counts) {
      n += c == 0 ? 0 : 1;
    }
    int[] indexes = new int[n];
    long[] nonZero = new long[n];
    for (int i = 0, j = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        indexes[j] = firstIndex + i;
        nonZero[j++] = counts[i];
      }
    }
    return NativeHistogramBuckets.of(indexes, nonZero);
  }
}
