package io.guestbench.collector.compare;

import java.util.List;

/**
 * The engine's answer: per configuration and metric, the groups side by side.
 *
 * @param by the label grouped by
 * @param groups the label's values found, sorted; the reference first
 * @param reference the group the others are compared against, empty string when there is none
 * @param rows one per configuration and metric, sorted by configuration then metric
 * @param problems what is missing from the whole report (no data, unknown label, one group), each a
 *     sentence saying what was expected; the rest of the report is still filled in
 * @param options the options the report was computed with, so it can be reproduced
 */
public record CompareReport(
    String by,
    List<String> groups,
    String reference,
    List<Row> rows,
    List<String> problems,
    CompareOptions options) {
  public CompareReport {
    groups = List.copyOf(groups);
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }
}
