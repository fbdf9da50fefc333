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
  private final byte[] labelText;
  private final HistogramSpec spec;
  private final long[] classic;
  private final NativeCounts positive = new NativeCounts();
  private long zeroCount;
  private long sum;

  HistogramCell(Labels labels, HistogramSpec spec) {
    this.labels = labels;
    this.labelText = LabelText.of(labels);
    this.spec = spec;
    this.classic = new long[spec.classicBucketCount()];
  }

  /** Adds one run; {@code d} has passed the checks, so min, max and count match the histogram. */
  void add(HdrCounts histogram, Distribution d) {
    add(HistogramDelta.of(spec, histogram, d));
  }

  /** Adds one run, bucketed by {@link HistogramDelta#of} against this cell's spec. */
  synchronized void add(HistogramDelta delta) {
    delta.addClassic(classic);
    delta.addNative(positive);
    zeroCount += delta.zeroCount();
    long runSum = delta.sum();
    // Saturates instead of wrapping; a long of nanoseconds is 292 years of summed iterations.
    sum = runSum > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + runSum;
  }

  @Override
  public byte[] labelText() {
    return labelText;
  }

  HistogramSpec spec() {
    return spec;
  }

  /**
   * Copies the classic bucket counts (not cumulative) into {@code into}, which has {@link
   * HistogramSpec#classicBucketCount} places, and returns the sum in recorded units.
   */
  synchronized long classicInto(long[] into) {
    System.arraycopy(classic, 0, into, 0, classic.length);
    return sum;
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
