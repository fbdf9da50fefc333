package io.guestbench.collector.compare;

import java.util.Objects;

/**
 * One value of one metric from one probe run: the engine's whole input is a list of these.
 *
 * @param run the run it came from
 * @param config the probe configuration, a stable key of the probe and its label parameters (for
 *     example {@code disk.job rw=randread bs_bytes=4096 iodepth=1}); only runs of the same
 *     configuration are compared
 * @param metric the metric, named as in the collector catalogue (see {@link Direction#of})
 * @param value the value, finite
 */
public record Observation(Run run, String config, String metric, double value) {
  public Observation {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(metric, "metric");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(metric + ": " + value + " (expected: a finite number)");
    }
  }
}
