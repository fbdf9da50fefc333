package io.guestbench.agent.probe.disk;

import java.util.List;
import java.util.Objects;

/**
 * What a job's threads measured.
 *
 * @param total every thread's measurements added up
 * @param intervals the measured phase second by second
 * @param measuredNanos the measured phase's length (shorter than the runtime if an error stopped
 *     it)
 * @param stealRatio steal over the measured phase, negative when unknown
 * @param errors the errors that stopped the job, if any
 */
record Measurement(
    Tally total,
    List<IntervalFigures> intervals,
    long measuredNanos,
    double stealRatio,
    JobReport.Errors errors) {
  Measurement {
    Objects.requireNonNull(total, "total");
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(errors, "errors");
  }
}
