package io.guestbench.collector.compare;

import io.guestbench.collector.compare.Verdict.Outcome;
import java.util.Locale;

/**
 * The decision rule and its wording. A difference is called significant only when the bootstrap
 * interval of the ratio excludes 1 AND the rank test's p is below alpha: two views of the same data
 * must agree, so the rate of false verdicts on equal groups is at most either test's alone (checked
 * by simulation). The size of the difference is always the ratio of medians.
 */
final class Verdicts {
  private Verdicts() {}

  /** The verdict for a group against the reference, given the ratio and the rank test. */
  static Verdict decide(
      String group,
      String reference,
      Direction direction,
      RatioInterval ratio,
      RankTest test,
      double alpha) {
    String detail = detail(ratio, test);
    if (!ratio.excludesOne() || !(test.p() < alpha)) {
      String why =
          !ratio.excludesOne()
              ? "CI includes 1"
              : String.format(Locale.ROOT, "rank test p ≥ %s", number(alpha));
      return new Verdict(
          Outcome.NO_SIGNIFICANT_DIFFERENCE,
          "no significant difference between %s and %s (%s; %s)"
              .formatted(group, reference, why, detail));
    }
    boolean higher = ratio.estimate() > 1;
    String pct = percent(higher ? ratio.estimate() - 1 : 1 - ratio.estimate());
    String ci =
        higher
            ? percentRange(ratio.lower() - 1, ratio.upper() - 1)
            : percentRange(1 - ratio.upper(), 1 - ratio.lower());
    String tail = " (95% CI " + ci + "; " + detail + ")";
    return switch (direction) {
      case HIGHER_IS_FASTER ->
          worded(higher, "%s %s%% %s than %s", group, pct, higher ? "faster" : "slower", reference)
              .append(tail);
      case LOWER_IS_FASTER ->
          worded(
                  !higher,
                  "%s %s than %s: %s%% %s time",
                  group,
                  higher ? "slower" : "faster",
                  reference,
                  pct,
                  higher ? "more" : "less")
              .append(tail);
      case LOWER_IS_BETTER ->
          worded(
                  !higher,
                  "%s %s than %s: %s%% %s",
                  group,
                  higher ? "worse" : "better",
                  reference,
                  pct,
                  higher ? "higher" : "lower")
              .append(tail);
      case UNKNOWN ->
          new Verdict(
              higher ? Outcome.HIGHER : Outcome.LOWER,
              "%s %s%% %s than %s%s; which is better is not known for this metric"
                  .formatted(group, pct, higher ? "higher" : "lower", reference, tail));
    };
  }

  /** A verdict-to-be whose text still lacks its tail. */
  private record Worded(Outcome outcome, String text) {
    Verdict append(String tail) {
      return new Verdict(outcome, text + tail);
    }
  }

  private static Worded worded(boolean better, String format, Object... args) {
    return new Worded(better ? Outcome.BETTER : Outcome.WORSE, format.formatted(args));
  }

  private static String detail(RatioInterval ratio, RankTest test) {
    return String.format(
        Locale.ROOT,
        "ratio %s, %s%% CI %s–%s, %s",
        number(ratio.estimate()),
        percent(ratio.confidence()),
        number(ratio.lower()),
        number(ratio.upper()),
        pValue(test.p()));
  }

  static String pValue(double p) {
    return p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3f", p);
  }

  /** Three significant digits: enough to tell 0.995 from 1. */
  static String number(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  private static String percent(double fraction) {
    double pct = fraction * 100;
    return String.format(Locale.ROOT, pct < 10 ? "%.1f" : "%.0f", pct);
  }

  private static String percentRange(double low, double high) {
    return percent(low) + "–" + percent(high) + "%";
  }
}
