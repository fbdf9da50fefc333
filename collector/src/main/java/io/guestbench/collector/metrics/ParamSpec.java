package io.guestbench.collector.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A parameter a probe's results may carry.
 *
 * <p>Values that matched are remembered, a bounded number of them, so the few values agents send
 * again and again are checked with a set look-up instead of the pattern; the first few are compared
 * one by one, which for a handful of short strings beats hashing each value parsed.
 */
final class ParamSpec {
  private static final int REMEMBERED_VALUES = 256;

  private final String key;
  private final Pattern values;
  private final boolean label;
  private static final int FIRST_VALUES = 8;

  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private volatile String[] first = new String[0];

  /**
   * @param key the parameter's key in {@code ProbeResult.params}
   * @param values what a value must match in full; for a label this is the whole bounded set
   * @param label whether the value becomes a label of the probe's value families; a label parameter
   *     must be present on an ok result, since its series are told apart by it
   */
  ParamSpec(String key, Pattern values, boolean label) {
    this.key = Objects.requireNonNull(key, "key");
    this.values = Objects.requireNonNull(values, "values");
    this.label = label;
  }

  /** A parameter that becomes a label; its pattern should admit only a few values. */
  static ParamSpec label(String key, String regex) {
    return new ParamSpec(key, Pattern.compile(regex), true);
  }

  /** A parameter that is checked but not exposed. */
  static ParamSpec setting(String key, String regex) {
    return new ParamSpec(key, Pattern.compile(regex), false);
  }

  String key() {
    return key;
  }

  Pattern values() {
    return values;
  }

  boolean label() {
    return label;
  }

  boolean accepts(String value) {
    for (String known : first) {
      if (known.equals(value)) {
        return true;
      }
    }
    if (accepted.contains(value)) {
      return true;
    }
    boolean matches =
        value.length() <= LabelValues.MAX_CODE_POINTS && values.matcher(value).matches();
    if (matches && accepted.size() < REMEMBERED_VALUES) {
      accepted.add(value);
      remember(value);
    }
    return matches;
  }

  private synchronized void remember(String value) {
    String[] now = first;
    if (now.length < FIRST_VALUES && !Arrays.asList(now).contains(value)) {
      String[] more = Arrays.copyOf(now, now.length + 1);
      more[now.length] = value;
      first = more;
    }
  }

  @Override
  public String toString() {
    return "ParamSpec[" + key + " ~ " + values.pattern() + (label ? ", label]" : "]");
  }
}
