package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.Problem.Reason.BAD_HISTOGRAM;
import static io.guestbench.collector.metrics.Problem.Reason.NEGATIVE_VALUE;

import io.guestbench.proto.v1.Distribution;
import java.util.List;

/** Checks that a distribution's exact figures and its histogram describe the same measurements. */
final class DistributionChecker {
  private DistributionChecker() {}

  /**
   * Adds what is wrong with {@code d}, whose name the catalogue knows, to {@code problems}; when
   * nothing is, and {@code deltas} is not null, adds what {@code d} would add to its series.
   */
  static void check(
      Distribution d,
      HistogramSpec spec,
      Problems problems,
      HdrDecoder decoder,
      List<HistogramDelta> deltas) {
    String where = "distributions." + d.getName();
    if (d.getMin() < 0 || d.getSum() < 0) {
      problems.add(
          NEGATIVE_VALUE,
          where + ": min " + d.getMin() + ", sum " + d.getSum() + " (expected: not negative)");
      return;
    }
    if (d.getMin() > d.getMax()) {
      problems.add(BAD_HISTOGRAM, where + ": min " + d.getMin() + " above max " + d.getMax());
      return;
    }
    HdrCounts histogram;
    try {
      // Bucketed while read even when only checking, so a check and an ingest read the same way.
      histogram = decoder.decode(d.getHdrHistogram(), 0, spec, d.getMin(), d.getMax());
    } catch (HdrDecoder.FormatException e) {
      problems.add(BAD_HISTOGRAM, where + ".hdr_histogram: " + e.getMessage());
      return;
    }
    String mismatch = mismatch(d, histogram);
    if (mismatch != null) {
      problems.add(BAD_HISTOGRAM, where + ": " + mismatch);
    } else if (deltas != null) {
      deltas.add(HistogramDelta.of(spec, histogram, d));
    }
  }

  private static String mismatch(Distribution d, HdrCounts histogram) {
    if (histogram.overflow()) {
      return "the histogram's counts overflow";
    }
    long held = histogram.held();
    if (held != histogram.totalCount() || held != d.getCount()) {
      return "count " + Long.toUnsignedString(d.getCount()) + " but the histogram holds " + held;
    }
    if (held == 0) {
      return d.getSum() == 0 ? null : "sum " + d.getSum() + " without measurements";
    }
    if (!histogram.equivalent(d.getMin(), histogram.min())
        || !histogram.equivalent(d.getMax(), histogram.max())) {
      return "min " + d.getMin() + " or max " + d.getMax() + " not where the histogram has them";
    }
    // sum within [count * min, count * max], without the multiplications that could overflow.
    long mean = d.getSum() / held;
    boolean remainder = d.getSum() % held != 0;
    if (mean < d.getMin() || mean > d.getMax() || (mean == d.getMax() && remainder)) {
      return "sum " + d.getSum() + " is not between count * min and count * max";
    }
    return null;
  }
}
