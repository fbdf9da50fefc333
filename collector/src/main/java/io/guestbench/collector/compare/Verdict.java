package io.guestbench.collector.compare;

/**
 * The conclusion of one comparison, as a category and in words.
 *
 * @param outcome the category
 * @param text one sentence, for example "xen-hvm 23% faster than xen-pv (95% CI 18–28%; ...)"
 */
public record Verdict(Outcome outcome, String text) {
  /** What the comparison concluded about the group against the reference. */
  public enum Outcome {
    /** Significantly better (faster, or less trouble). */
    BETTER,
    /** Significantly worse. */
    WORSE,
    /** Significantly higher, for a metric whose better direction is not known. */
    HIGHER,
    /** Significantly lower, for a metric whose better direction is not known. */
    LOWER,
    /** The decision rule did not find a difference. */
    NO_SIGNIFICANT_DIFFERENCE,
    /** The groups could not be compared (no runs, or no ratio); the text says why. */
    NOT_COMPARABLE
  }
}
