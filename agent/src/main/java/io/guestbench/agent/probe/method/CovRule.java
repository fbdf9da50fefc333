package io.guestbench.agent.probe.method;

import java.util.ArrayList;
import java.util.List;

/**
 * When to stop repeating: once at least the minimum of repetitions has run and their results'
 * coefficient of variation (sample standard deviation over mean) is at or under the target, or once
 * the cap is reached, whichever comes first. Not thread-safe.
 */
public final class CovRule {
  private final int min;
  private final int max;
  private final double target;
  private final List<Double> values = new ArrayList<>();

  /** With {@code target} as a ratio, for example 0.035 for 3.5%. */
  public CovRule(int min, int max, double target) {
    if (min < 2 || max < min || !(target > 0)) {
      throw new IllegalArgumentException(min + ".." + max + " at " + target);
    }
    this.min = min;
    this.max = max;
    this.target = target;
  }

  public static CovRule of(MethodParams params) {
    return new CovRule(params.minRepetitions(), params.maxRepetitions(), params.covPercent() / 100);
  }

  /** One repetition's result. */
  public void add(double value) {
    values.add(value);
  }

  public int count() {
    return values.size();
  }

  /**
   * The coefficient of variation so far: NaN with fewer than two results, infinite when their mean
   * is not positive (a spread around zero is no measurement).
   */
  public double cov() {
    int n = values.size();
    if (n < 2) {
      return Double.NaN;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (!(mean > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (n - 1)) / mean;
  }

  /** The median result so far, NaN before any: robust to one repetition the JIT was still in. */
  public double median() {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Whether the results are steady enough: the minimum ran and the spread is within target. */
  public boolean converged() {
    return values.size() >= min && cov() <= target;
  }

  /** Whether to stop: converged, or the cap is reached. */
  public boolean done() {
    return converged() || values.size() >= max;
  }
}
