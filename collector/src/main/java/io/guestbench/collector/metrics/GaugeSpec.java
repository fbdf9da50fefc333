package io.guestbench.collector.metrics;

import java.util.Objects;

/**
 * How one scalar of a probe's results becomes a gauge family holding the last ok run's value.
 *
 * @param scalar the {@code Scalar.name} in the result, for example {@code ops_per_second}
 * @param family the gauge family
 * @param divisor what the scalar is divided by to get the family's base unit, for example 1e9 from
 *     a {@code _nanos} scalar to a {@code _seconds} family
 */
record GaugeSpec(String scalar, Family family, double divisor) {
  GaugeSpec {
    Objects.requireNonNull(scalar, "scalar");
    Objects.requireNonNull(family, "family");
    if (!(divisor > 0) || Double.isInfinite(divisor)) {
      throw new IllegalArgumentException("divisor " + divisor);
    }
  }

  /** A scalar already in the family's unit. */
  GaugeSpec(String scalar, Family family) {
    this(scalar, family, 1);
  }

  /** The scalar in the family's base unit. */
  double toBaseUnit(double value) {
    return value / divisor;
  }
}
