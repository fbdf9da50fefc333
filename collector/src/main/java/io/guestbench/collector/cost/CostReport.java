package io.guestbench.collector.cost;

import java.util.List;
import java.util.Objects;

/**
 * The cost side of a compare report: each group's $/hour and, for every metric where higher is
 * better, work per dollar.
 *
 * @param by the label grouped by, as in the compare report
 * @param reference the reference group, as in the compare report
 * @param tableOrigin what the price table was built from, in words
 * @param groups each group's price, in the report's group order
 * @param rows one per report row whose metric is a rate of work (higher is faster), in report order
 */
public record CostReport(
    String by, String reference, String tableOrigin, List<GroupPrice> groups, List<RowCost> rows) {
  public CostReport {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(tableOrigin, "tableOrigin");
    groups = List.copyOf(groups);
    rows = List.copyOf(rows);
  }
}
