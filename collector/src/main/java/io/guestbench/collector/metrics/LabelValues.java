package io.guestbench.collector.metrics;

/** Keeps label values within the bound the protocol promises for labels. */
final class LabelValues {
  /** The longest label value exposed, in code points; the protocol's bound for label values. */
  static final int MAX_CODE_POINTS = 128;

  private LabelValues() {}

  /** The value, cut to {@link #MAX_CODE_POINTS} without splitting a surrogate pair. */
  static String bounded(String value) {
    if (value.length() <= MAX_CODE_POINTS
        || value.codePointCount(0, value.length()) <= MAX_CODE_POINTS) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_CODE_POINTS));
  }
}
