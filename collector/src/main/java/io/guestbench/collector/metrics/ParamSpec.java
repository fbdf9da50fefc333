package io.guestbench.collector.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parameter a probe's results may carry.
 *
 * @param key the parameter's key in {@code ProbeResult.params}
 * @param values what a value must match in full; for a label this is the whole bounded set
 * @param label whether the value becomes a label of the probe's value families; a label parameter
 *     must be present on an ok result, since its series are told apart by it
 */
record ParamSpec(String key, Pattern values, boolean label) {
  ParamSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(values, "values");
  }

  /** A parameter that becomes a label; its pattern should admit only a few values. */
  static ParamSpec label(String key, String regex) {
    return new ParamSpec(key, Pattern.compile(regex), true);
  }

  /** A parameter that is checked but not exposed. */
  static ParamSpec setting(String key, String regex) {
    return new ParamSpec(key, Pattern.compile(regex), false);
  }

  boolean accepts(String value) {
    return value.length() <= LabelValues.MAX_CODE_POINTS && values.matcher(value).matches();
  }
}
