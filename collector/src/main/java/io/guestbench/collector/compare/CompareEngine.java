package io.guestbench.collector.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Groups observations by a label and compares each group with a reference group, per probe
 * configuration and metric. Pure and deterministic: the same observations (in any order) and
 * options give the same report.
 */
public final class CompareEngine {
  /** The report for these observations. */
  public CompareReport compare(List<Observation> observations, CompareOptions options) {
    List<String> problems = new ArrayList<>();
    if (observations.isEmpty()) {
      problems.add("no observations: nothing to compare (expected: probe results to group)");
      return new CompareReport(options.by(), List.of(), "", List.of(), problems, options);
    }
    List<Observation> labelled =
        observations.stream().filter(o -> o.run().label(options.by()).isPresent()).toList();
    if (labelled.isEmpty()) {
      problems.add(unknownLabel(observations, options.by()));
    } else if (labelled.size() < observations.size()) {
      problems.add(
          "%d of %d observations lack the label %s and were left out"
              .formatted(observations.size() - labelled.size(), observations.size(), options.by()));
    }
    TreeSet<String> found = new TreeSet<>();
    labelled.forEach(o -> found.add(group(o, options)));
    String reference = reference(found, options, problems);
    List<String> groups = new ArrayList<>(found);
    if (!reference.isEmpty()) {
      groups.remove(reference);
      groups.addFirst(reference);
    }
    List<Row> rows = new ArrayList<>();
    byRow(labelled).forEach((key, obs) -> rows.add(RowBuilder.build(key, obs, groups, options)));
    return new CompareReport(options.by(), groups, reference, rows, problems, options);
  }

  static String group(Observation o, CompareOptions options) {
    return o.run().label(options.by()).orElseThrow();
  }

  private static String reference(Iterable<String> found, CompareOptions o, List<String> problems) {
    TreeSet<String> groups = new TreeSet<>();
    found.forEach(groups::add);
    if (groups.size() == 1) {
      problems.add(
          "only one group, %s=%s: nothing to compare it with (expected: runs with at least two"
                  .formatted(o.by(), groups.first())
              + " values of "
              + o.by()
              + ")");
    }
    if (o.reference().isPresent() && !groups.contains(o.reference().get())) {
      problems.add(
          "compare.reference: %s (expected: one of %s); using %s"
              .formatted(o.reference().get(), groups, groups.isEmpty() ? "none" : groups.first()));
      return groups.isEmpty() ? "" : groups.first();
    }
    return o.reference().orElse(groups.isEmpty() ? "" : groups.first());
  }

  private static String unknownLabel(List<Observation> observations, String by) {
    TreeSet<String> known = new TreeSet<>(List.of("agent_id", "instance_type", "zone"));
    known.add("probe_version");
    observations.forEach(o -> known.addAll(o.run().labels().keySet()));
    return "compare.by: %s (expected: a label the runs carry: %s)"
        .formatted(by, String.join(", ", known));
  }

  /** Observations by (configuration, metric), sorted. */
  private static SortedMap<RowKey, List<Observation>> byRow(List<Observation> observations) {
    return observations.stream()
        .collect(
            Collectors.groupingBy(
                o -> new RowKey(o.config(), o.metric()), TreeMap::new, Collectors.toList()));
  }

  /** A row's identity; sorts by configuration, then metric. */
  record RowKey(String config, String metric) implements Comparable<RowKey> {
    @Override
    public int compareTo(RowKey other) {
      int c = config.compareTo(other.config);
      return c != 0 ? c : metric.compareTo(other.metric);
    }
  }
}
