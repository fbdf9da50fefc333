package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.Problem.Reason.DUPLICATE_VALUE;
import static io.guestbench.collector.metrics.Problem.Reason.NEGATIVE_VALUE;
import static io.guestbench.collector.metrics.Problem.Reason.NON_FINITE_VALUE;
import static io.guestbench.collector.metrics.Problem.Reason.UNKNOWN_VALUE;

import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.Scalar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    Set<String> seen = new HashSet<>();
    for (Scalar s : r.getScalarsList()) {
      if (spec.gauge(s.getName()) == null) {
        problems.add(UNKNOWN_VALUE, "scalars." + Problem.quote(s.getName()));
      } else if (!seen.add(s.getName())) {
        problems.add(DUPLICATE_VALUE, "scalars." + s.getName() + " appears twice");
      } else if (!Double.isFinite(s.getValue())) {
        problems.add(NON_FINITE_VALUE, "scalars." + s.getName() + ": " + s.getValue());
      } else if (s.getValue() < 0) {
        problems.add(NEGATIVE_VALUE, "scalars." + s.getName() + ": " + s.getValue());
      }
    }
    seen.clear();
    for (Distribution d : r.getDistributionsList()) {
      HistogramSpec histogram = spec.histogram(d.getName());
      if (histogram == null) {
        problems.add(UNKNOWN_VALUE, "distributions." + Problem.quote(d.getName()));
      } else if (!seen.add(d.getName())) {
        problems.add(DUPLICATE_VALUE, "distributions." + d.getName() + " appears twice");
      } else {
        // Only known names get here, once each: hostile repetition cannot multiply decodes.
        DistributionChecker.check(d, histogram, problems, decoder, deltas);
      }
    }
  }
}
