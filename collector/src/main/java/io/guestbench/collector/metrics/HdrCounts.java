package io.guestbench.collector.metrics;

import java.util.Arrays;

/**
 * The non-empty counters of one decoded HdrHistogram, lowest value first, with the totals the
 * checks compare against the result's exact figures. Filled by {@link HdrDecoder} and reused from
 * one distribution to the next, so decoding makes no garbage per result. Not thread-safe.
 */
final class HdrCounts {
  private static final int INITIAL = 1024;

  /** Larger arrays (a hostile histogram's) are dropped at the next reset rather than kept. */
  private static final int RETAINED = 1 << 16;

  private long[] values = new long[INITIAL];
  private long[] counts = new long[INITIAL];
  private int size;
  private long held;
  private boolean overflow;
  private long totalCount;
  private long min;
  private long max;
  private HdrLayout layout;
  private HistogramDelta bucketed;

  void reset(HdrLayout layout) {
    if (values.length > RETAINED) {
      values = new long[INITIAL];
      counts = new long[INITIAL];
    }
    this.layout = layout;
    bucketed = null;
    size = 0;
    held = 0;
    overflow = false;
  }

  /** Appends a counter; {@code value} is the lowest of its equivalent range, above the last. */
  void add(long value, long count) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    values[size] = value;
    counts[size++] = count;
    long sum = held + count;
    overflow |= ((held ^ sum) & (count ^ sum)) < 0; // Math.addExact's test, without the throw
    held = sum;
  }

  /**
   * The totals of a histogram read by {@link BucketingReader}, which keeps no counters: {@link
   * #size} stays 0 and {@link #bucketed} holds what it adds to its series.
   */
  void summarize(long held, long min, long max, HistogramDelta bucketed) {
    this.held = held;
    this.overflow = false;
    this.bucketed = bucketed;
    finish(held, min, max);
  }

  /** The buckets, when the counters were bucketed as they were read; null otherwise. */
  HistogramDelta bucketed() {
    return bucketed;
  }

  /** What the histogram itself reports: its total count, minimum and maximum value. */
  void finish(long totalCount, long min, long max) {
    this.totalCount = totalCount;
    this.min = min;
    this.max = max;
  }

  int size() {
    return size;
  }

  long value(int i) {
    return values[i];
  }

  long count(int i) {
    return counts[i];
  }

  /** The sum of the counters added; meaningless once {@link #overflow} is true. */
  long held() {
    return held;
  }

  boolean overflow() {
    return overflow;
  }

  long totalCount() {
    return totalCount;
  }

  long min() {
    return min;
  }

  long max() {
    return max;
  }

  /** Whether the histogram cannot tell {@code a} and {@code b} apart. */
  boolean equivalent(long a, long b) {
    return layout.equivalent(a, b);
  }
}
