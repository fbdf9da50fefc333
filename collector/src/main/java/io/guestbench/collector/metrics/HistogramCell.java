package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.Distribution;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;

/**
 * One histogram series, cumulative over every run added to it, kept as bucket counts so a scrape
 * only copies them. Each HdrHistogram bucket is placed by its lowest value, raised to the run's
 * exact minimum and capped at its exact maximum: a run whose measurements are all equal lands
 * exactly, and otherwise a value moves by at most the HdrHistogram's precision.
 */
final class HistogramCell implements Cell {
  /** Only an exact zero: values are whole units, so nothing else is that close to zero. */
  private static final double ZERO_THRESHOLD = 0;

  private final Labels labels;
  private final HistogramSpec spec;
  private final long[] classic;
  private final NativeCounts positive = new NativeCounts();
  private long zeroCount;
  private long sum;

  HistogramCell(Labels labels, HistogramSpec spec) {
    this.labels = labels;
    this.spec = spec;
    this.classic = new long[spec.classicBucketCount()];
  }

  /** Adds one run; {@code d} has passed the checks, so min, max and count match the histogram. */
  synchronized void add(HdrCounts histogram, Distribution d) {
    // Values ascend, so each lands at or after the previous one's classic and native bucket; a
    // bucket is looked up (a division and a search) only when a value passes the last recorded
    // integer of the current one, a few dozen times per histogram instead of once per value.
    int classicIndex = 0;
    long classicLast = -1;
    int nativeIndex = 0;
    long nativeLast = 0; // recorded 0 goes to the zero bucket, never to a native one
    long nativeCount = 0;
    for (int i = 0; i < histogram.size(); i++) {
      long recorded = Math.clamp(histogram.value(i), d.getMin(), d.getMax());
      long count = histogram.count(i);
      if (recorded > classicLast) {
        classicIndex = spec.classicIndexFrom(classicIndex, spec.toBaseUnit(recorded));
        classicLast = spec.lastRecordedAtOrBelow(spec.classicUpperBound(classicIndex), recorded);
      }
      classic[classicIndex] += count;
      if (recorded == 0) {
        zeroCount += count;
        continue;
      }
      if (recorded > nativeLast) {
        if (nativeCount > 0) {
          positive.add(nativeIndex, nativeCount);
          nativeCount = 0;
        }
        nativeIndex = NativeBuckets.index(spec.toBaseUnit(recorded));
        nativeLast =
            spec.lastRecordedAtOrBelow(NativeBuckets.exactUpperBound(nativeIndex), recorded);
      }
      nativeCount += count;
    }
    if (nativeCount > 0) {
      positive.add(nativeIndex, nativeCount);
    }
    // Saturates instead of wrapping; a long of nanoseconds is 292 years of summed iterations.
    sum = d.getSum() > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + d.getSum();
  }

  @Override
  public synchronized DataPointSnapshot point() {
    return new HistogramDataPointSnapshot(
        spec.classicBuckets(classic),
        NativeBuckets.SCHEMA,
        zeroCount,
        ZERO_THRESHOLD,
        positive.snapshot(),
        NativeHistogramBuckets.EMPTY,
        spec.toBaseUnit(sum),
        labels,
        Exemplars.EMPTY,
        0L);
  }
}
