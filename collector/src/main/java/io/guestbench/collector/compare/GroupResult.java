package io.guestbench.collector.compare;

import java.util.Optional;

/**
 * One group's runs of one configuration and metric.
 *
 * @param group the value of the grouping label
 * @param summary the summary of the runs kept; empty when none were
 * @param stealExcluded how many runs were left out for steal above {@link
 *     CompareOptions#maxSteal()}
 */
public record GroupResult(String group, Optional<Summary> summary, int stealExcluded) {
  /** How many runs were kept. */
  public int runs() {
    return summary.map(Summary::runs).orElse(0);
  }
}
