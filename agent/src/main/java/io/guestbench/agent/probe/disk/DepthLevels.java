package io.guestbench.agent.probe.disk;

import java.util.Arrays;
import java.util.List;

/**
 * How many requests were in flight right after each submission, in fio's {@code iodepth_level}
 * buckets (1, 2, 4, 8, 16, 32, >=64): the evidence that a queue depth was really reached. Not
 * thread-safe: one per job thread.
 */
final class DepthLevels {
  /** fio's bucket names, in order. */
  static final List<String> NAMES = List.of("1", "2", "4", "8", "16", "32", ">=64");

  private final long[] counts = new long[NAMES.size()];
  private int max;

  /** Records that {@code n} requests (at least 1) were in flight after submitting {@code times}. */
  void record(int n, long times) {
    int bucket = Math.min(NAMES.size() - 1, 31 - Integer.numberOfLeadingZeros(n));
    counts[bucket] += times;
    max = Math.max(max, n);
  }

  void add(DepthLevels other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    max = Math.max(max, other.max);
  }

  /** The most requests ever in flight at once in this job. */
  int max() {
    return max;
  }

  /** Submissions per bucket, in the order of {@link #NAMES}. */
  long[] counts() {
    return Arrays.copyOf(counts, counts.length);
  }
}
