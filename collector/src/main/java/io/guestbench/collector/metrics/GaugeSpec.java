package io.guestbench.collector.metrics;

import java.util.Objects;

/**
 * How one scalar of a probe's results becomes a gauge family holding the last ok run's value.
 *
 * @param scalar the {@code Scalar.name} in the result, for example {@code ops_per_second}
 * @param family the gauge family
 */
record GaugeSpec(String scalar, Family family) {
  GaugeSpec {
    Objects.requireNonNull(scalar, "scalar");
    Objects.requireNonNull(family, "family");
  }
}
