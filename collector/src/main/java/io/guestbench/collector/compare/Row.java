package io.guestbench.collector.compare;

import java.util.List;

/**
 * Everything the report says about one probe configuration and metric.
 *
 * @param config the probe configuration key
 * @param metric the metric
 * @param direction whether higher or lower is better, if known
 * @param groups each group's summary, in the report's group order
 * @param comparisons each non-reference group against the reference
 * @param warnings what makes these comparisons less trustworthy
 */
public record Row(
    String config,
    String metric,
    Direction direction,
    List<GroupResult> groups,
    List<Comparison> comparisons,
    List<Warning> warnings) {
  public Row {
    groups = List.copyOf(groups);
    comparisons = List.copyOf(comparisons);
    warnings = List.copyOf(warnings);
  }
}
