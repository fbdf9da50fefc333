package io.guestbench.agent.plan;

/**
 * When a plan may stop before its last round: every probe's headline value has settled, that is,
 * over its ok runs that steal did not disturb, at least {@code minRounds} runs with a coefficient
 * of variation at most {@code cvPercent}. The plan's {@code rounds} stays the cap.
 *
 * @param minRounds undisturbed ok runs each probe needs before the plan may stop (3..1000)
 * @param cvPercent the coefficient of variation, in percent, that counts as settled
 * @param maxStealPercent a run with more CPU time stolen than this is marked and not counted
 */
public record Settling(int minRounds, double cvPercent, double maxStealPercent) {
  public Settling {
    if (minRounds < 3 || !(cvPercent > 0) || !(maxStealPercent >= 0 && maxStealPercent <= 100)) {
      throw new IllegalArgumentException("settle " + minRounds + " " + cvPercent);
    }
  }
}
