package io.guestbench.agent.cli;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs a local command makes: each selected probe with the shared options and its own {@code -p
 * NAME.KEY=VALUE} ones, one run per value of its expanded key (every clock, both kernels) unless
 * {@code -p} fixes it. Problems name the options, not the probes' keys.
 *
 * @param runs what to run, in order; empty when there are problems
 * @param problems one line each
 */
record LocalPlan(List<LocalRun> runs, List<String> problems) {

  /** One run of one probe. */
  record LocalRun(String name, Probe probe, ProbeRun run) {}

  /** A key to run once per value of, for example every clock of clock_read. */
  record Expansion(String key, List<String> values) {}

  LocalPlan {
    runs = List.copyOf(runs);
    problems = List.copyOf(problems);
  }

  static LocalPlan of(
      ProbeCatalog catalog,
      String family,
      List<String> selected,
      List<String> known,
      Map<String, Expansion> expansions,
      Map<String, String> common,
      List<String> assignments,
      String runIdPrefix) {
    List<String> problems = new ArrayList<>();
    for (String name : selected) {
      if (!known.contains(name)) {
        problems.add("NAME: " + name + " (expected: " + String.join(", ", known) + ")");
      }
    }
    List<String> names = known.stream().filter(selected::contains).toList();
    Map<String, Map<String, String>> own = own(assignments, names, problems);
    List<LocalRun> runs = new ArrayList<>();
    for (String name : names) {
      Probe probe = catalog.find(family + "." + name).orElseThrow();
      Map<String, String> params = new LinkedHashMap<>(common);
      params.putAll(own.getOrDefault(name, Map.of()));
      probe.check(params).forEach(p -> problems.add(asOption(p, name, own.get(name))));
      Optional<Expansion> expansion = Optional.ofNullable(expansions.get(name));
      List<String> values =
          expansion
              .filter(e -> !params.containsKey(e.key()))
              .map(Expansion::values)
              .orElse(List.of(""));
      for (String value : values) {
        Map<String, String> one = new LinkedHashMap<>(params);
        expansion.filter(e -> !value.isEmpty()).ifPresent(e -> one.put(e.key(), value));
        String id = runIdPrefix + "-" + name + (value.isEmpty() ? "" : "-" + value);
        runs.add(new LocalRun(name, probe, new ProbeRun(id, one, ProbeRun.Progress.NONE)));
      }
    }
    // A bad shared option is a problem of every probe; say it once.
    List<String> distinct = List.copyOf(new LinkedHashSet<>(problems));
    return distinct.isEmpty() ? new LocalPlan(runs, List.of()) : new LocalPlan(List.of(), distinct);
  }

  /** {@code -p NAME.KEY=VALUE} values by probe name. */
  private static Map<String, Map<String, String>> own(
      List<String> assignments, List<String> names, List<String> problems) {
    Map<String, Map<String, String>> own = new LinkedHashMap<>();
    for (String a : assignments) {
      int dot = a.indexOf('.');
      int eq = a.indexOf('=');
      if (dot < 1 || eq < dot + 2) {
        problems.add("-p: " + a + " (expected: NAME.KEY=VALUE)");
      } else if (!names.contains(a.substring(0, dot))) {
        problems.add("-p: " + a + " (expected: a parameter of " + String.join(", ", names) + ")");
      } else {
        own.computeIfAbsent(a.substring(0, dot), n -> new LinkedHashMap<>())
            .put(a.substring(dot + 1, eq), a.substring(eq + 1));
      }
    }
    return own;
  }

  /** {@code min_repetitions: 1 (...)} becomes {@code --min-repetitions: 1 (...)}, or -p. */
  private static String asOption(String problem, String name, Map<String, String> own) {
    int colon = problem.indexOf(':');
    if (colon < 0) {
      return name + ": " + problem;
    }
    String key = problem.substring(0, colon);
    String rest = problem.substring(colon);
    if (own != null && own.containsKey(key)) {
      return "-p " + name + "." + key + rest;
    }
    return "--" + key.replace('_', '-') + rest;
  }
}
