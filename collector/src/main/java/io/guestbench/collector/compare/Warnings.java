package io.guestbench.collector.compare;

import io.guestbench.collector.compare.Warning.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The warnings of one row. Five runs is the floor because below it the rank test cannot reach p <
 * 0.05 unless the groups separate completely (4 against 4: the smallest two-sided p is 2/70 =
 * 0.029; 3 against 3: 0.1, never significant) and a bootstrap median of so few values takes only a
 * handful of distinct values, so the interval is coarse.
 */
final class Warnings {
  private Warnings() {}

  /** Warnings about each group's runs, then about the groups' fairness to each other. */
  static List<Warning> of(List<GroupResult> groups, Map<String, List<Run>> runs, CompareOptions o) {
    List<Warning> warnings = new ArrayList<>();
    for (GroupResult g : groups) {
      perGroup(g, runs.getOrDefault(g.group(), List.of()), o, warnings);
    }
    unfair(runs, o.by(), "instance_type", Run::instanceType, warnings);
    unfair(runs, o.by(), "zone", Run::zone, warnings);
    unfair(runs, o.by(), "probe_version", Run::probeVersion, warnings);
    return warnings;
  }

  private static void perGroup(GroupResult g, List<Run> runs, CompareOptions o, List<Warning> out) {
    if (g.runs() < o.minRuns()) {
      out.add(
          new Warning(
              Kind.TOO_FEW_RUNS,
              "%s: %d runs (expected: at least %d for a rank test and interval worth reading)"
                  .formatted(g.group(), g.runs(), o.minRuns())));
    }
    g.summary()
        .filter(s -> s.cv() > o.maxCv())
        .ifPresent(
            s ->
                out.add(
                    new Warning(
                        Kind.HIGH_SPREAD,
                        String.format(
                            Locale.ROOT,
                            "%s: coefficient of variation %.2f over %d runs (above %.2f)",
                            g.group(),
                            s.cv(),
                            s.runs(),
                            o.maxCv()))));
    if (g.stealExcluded() > 0) {
      out.add(
          new Warning(
              Kind.STEAL,
              String.format(
                  Locale.ROOT,
                  "%s: %d of %d runs left out, steal above %.0f%% of CPU time",
                  g.group(),
                  g.stealExcluded(),
                  g.stealExcluded() + g.runs(),
                  o.maxSteal() * 100)));
    }
    if (runs.size() > 1 && runs.stream().map(Run::agentId).distinct().count() == 1) {
      out.add(
          new Warning(
              Kind.ONE_INSTANCE,
              "%s: all %d runs from one instance (%s): they speak for it, not for its kind"
                  .formatted(g.group(), runs.size(), runs.getFirst().agentId())));
    }
  }

  /** Warns when the groups' sets of a run attribute differ, unless that attribute is grouped by. */
  private static void unfair(
      Map<String, List<Run>> runs,
      String by,
      String attribute,
      Function<Run, String> value,
      List<Warning> out) {
    if (attribute.equals(by) || runs.size() < 2) {
      return;
    }
    Map<String, Set<String>> sets = new TreeMap<>();
    runs.forEach((g, rs) -> sets.put(g, new TreeSet<>(rs.stream().map(value).toList())));
    if (sets.values().stream().distinct().count() > 1) {
      List<String> parts = new ArrayList<>();
      sets.forEach((g, s) -> parts.add(g + ": " + String.join(", ", s)));
      out.add(
          new Warning(
              Kind.UNFAIR,
              "unfair comparison: %s differs between groups (%s)"
                  .formatted(attribute, String.join("; ", parts))));
    }
  }
}
