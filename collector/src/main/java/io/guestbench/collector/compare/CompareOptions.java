package io.guestbench.collector.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to compare: the label to group by, the reference group, the bootstrap and the thresholds of
 * the decision rule and the warnings.
 *
 * @param by the label to group by, {@code virt_type} by default
 * @param reference the group every other is compared against; empty for the first in sorted order
 * @param resamples bootstrap resamples per interval, 2,000 by default (the 2.5% and 97.5%
 *     percentiles then rest on about 50 resamples each)
 * @param seed seeds the bootstrap, so a report can be reproduced exactly
 * @param confidence the interval's coverage, 0.95
 * @param alpha the rank test's significance level, 0.05
 * @param minRuns fewer runs than this in a group draws a warning, 5 by default
 * @param maxCv a coefficient of variation above this draws a warning, 0.10 by default
 * @param maxSteal runs with a steal ratio above this are left out of the speed comparison, 0.05
 */
public record CompareOptions(
    String by,
    Optional<String> reference,
    int resamples,
    long seed,
    double confidence,
    double alpha,
    int minRuns,
    double maxCv,
    double maxSteal) {
  public CompareOptions {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(reference, "reference");
    List<String> problems = new ArrayList<>();
    check(problems, !by.isBlank(), "by", by, "a label name such as virt_type");
    check(
        problems, resamples >= 100 && resamples <= 100_000, "resamples", resamples, "100..100000");
    check(problems, confidence >= 0.5 && confidence < 1, "confidence", confidence, "0.5..<1");
    check(problems, alpha > 0 && alpha <= 0.5, "alpha", alpha, ">0..0.5");
    check(problems, minRuns >= 2 && minRuns <= 1000, "min_runs", minRuns, "2..1000");
    check(problems, maxCv > 0 && maxCv <= 10, "max_cv", maxCv, ">0..10");
    check(problems, maxSteal >= 0 && maxSteal <= 1, "max_steal", maxSteal, "0..1");
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
  }

  /** The defaults, grouped by {@code virt_type}, seed 1. */
  public static CompareOptions defaults() {
    return new CompareOptions("virt_type", Optional.empty(), 2_000, 1, 0.95, 0.05, 5, 0.10, 0.05);
  }

  /** These options grouped by another label. */
  public CompareOptions by(String label) {
    return new CompareOptions(
        label, reference, resamples, seed, confidence, alpha, minRuns, maxCv, maxSteal);
  }

  /** These options with a fixed reference group. */
  public CompareOptions reference(String group) {
    return new CompareOptions(
        by, Optional.of(group), resamples, seed, confidence, alpha, minRuns, maxCv, maxSteal);
  }

  /** These options with another bootstrap seed and resample count. */
  public CompareOptions bootstrap(long seed, int resamples) {
    return new CompareOptions(
        by, reference, resamples, seed, confidence, alpha, minRuns, maxCv, maxSteal);
  }

  private static void check(
      List<String> problems, boolean ok, String key, Object value, String expected) {
    if (!ok) {
      problems.add("compare." + key + ": " + value + " (expected: " + expected + ")");
    }
  }
}
