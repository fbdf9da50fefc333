package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.Problem.Reason.DUPLICATE_VALUE;
import static io.guestbench.collector.metrics.Problem.Reason.NEGATIVE_VALUE;
import static io.guestbench.collector.metrics.Problem.Reason.NON_FINITE_VALUE;
import static io.guestbench.collector.metrics.Problem.Reason.UNKNOWN_VALUE;

import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.Scalar;
import java.util.List;

/** Checks a result's scalars and distributions against its probe's catalogue entry. */
final class ValueChecker {
  private ValueChecker() {}

  /**
   * Adds what is wrong to {@code problems}; while nothing is, and {@code deltas} is not null, adds
   * each distribution's {@link HistogramDelta} to it in order.
   */
  static void check(
      ProbeSpec spec,
      ProbeResult r,
      Problems problems,
      HdrDecoder decoder,
      List<HistogramDelta> deltas) {
    long seen = 0; // bit i: the spec's value i appeared (ProbeSpec keeps them below 64)
    for (Scalar s : r.getScalarsList()) {
      int i = spec.gaugeIndex(s.getName());
      if (i < 0) {
        problems.add(UNKNOWN_VALUE, "scalars." + Problem.quote(s.getName()));
      } else if ((seen & (1L << i)) != 0) {
        problems.add(DUPLICATE_VALUE, "scalars." + s.getName() + " appears twice");
      } else if (!Double.isFinite(s.getValue())) {
        problems.add(NON_FINITE_VALUE, "scalars." + s.getName() + ": " + s.getValue());
      } else if (s.getValue() < 0) {
        problems.add(NEGATIVE_VALUE, "scalars." + s.getName() + ": " + s.getValue());
      }
      seen |= i < 0 ? 0 : 1L << i;
    }
    seen = 0;
    for (Distribution d : r.getDistributionsList()) {
      int i = spec.histogramIndex(d.getName());
      if (i < 0) {
        problems.add(UNKNOWN_VALUE, "distributions." + Problem.quote(d.getName()));
      } else if ((seen & (1L << i)) != 0) {
        problems.add(DUPLICATE_VALUE, "distributions." + d.getName() + " appears twice");
      } else {
        seen |= 1L << i;
        HistogramSpec histogram = spec.histograms().get(i);
        // Only known names get here, once each: hostile repetition cannot multiply decodes.
        DistributionChecker.check(d, histogram, problems, decoder, deltas);
      }
    }
  }
}
