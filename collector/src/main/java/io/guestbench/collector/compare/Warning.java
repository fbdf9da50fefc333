package io.guestbench.collector.compare;

/**
 * Something that makes a comparison less trustworthy, said in words.
 *
 * @param kind what kind of trouble
 * @param message what exactly, with the groups and numbers involved
 */
public record Warning(Kind kind, String message) {
  /** The kinds of warning. */
  public enum Kind {
    /** A group has fewer runs than {@link CompareOptions#minRuns()}. */
    TOO_FEW_RUNS,
    /** A group's coefficient of variation is above {@link CompareOptions#maxCv()}. */
    HIGH_SPREAD,
    /** Runs were left out because the hypervisor stole too much CPU time during them. */
    STEAL,
    /** The groups ran on different instance types, zones or probe versions. */
    UNFAIR,
    /** All of a group's runs came from one instance, so they speak for that instance only. */
    ONE_INSTANCE
  }
}
