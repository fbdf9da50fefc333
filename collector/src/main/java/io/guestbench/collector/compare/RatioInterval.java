package io.guestbench.collector.compare;

/**
 * The ratio of two groups' medians with a percentile bootstrap confidence interval.
 *
 * @param estimate median of the group over median of the reference group
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param confidence the interval's nominal coverage, for example 0.95
 * @param resamples how many bootstrap resamples the interval was taken from
 */
public record RatioInterval(
    double estimate, double lower, double upper, double confidence, int resamples) {
  /** Whether 1 (no difference) lies outside the interval. */
  public boolean excludesOne() {
    return lower > 1 || upper < 1;
  }
}
