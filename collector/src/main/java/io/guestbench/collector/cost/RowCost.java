package io.guestbench.collector.cost;

import java.util.List;

/**
 * Work per dollar for one configuration and metric of the compare report.
 *
 * @param config the probe configuration, as in the report's row
 * @param metric the metric, as in the report's row
 * @param groups each group's work per dollar, in the report's group order
 */
public record RowCost(String config, String metric, List<WorkPerDollar> groups) {
  public RowCost {
    groups = List.copyOf(groups);
  }
}
