package io.guestbench.collector.report;

import io.guestbench.collector.compare.Run;
import io.guestbench.collector.metrics.ComparableValues;
import io.guestbench.proto.v1.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Counts each group's trouble from its runs: failures, steal and latency tail excursions. */
public final class TroubleCounter {
  /** A distribution whose p99 is more than this many times its median has a tail excursion. */
  public static final double TAIL_FACTOR = 10;

  private TroubleCounter() {}

  /** Per group of {@code by}, sorted by group; runs without the label are left out. */
  public static List<GroupTrouble> count(List<RunRecord> runs, String by, double maxSteal) {
    Map<String, List<RunRecord>> groups = new TreeMap<>();
    for (RunRecord r : runs) {
      r.run()
          .label(by)
          .filter(v -> !v.isEmpty())
          .ifPresent(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(r));
    }
    List<GroupTrouble> out = new ArrayList<>();
    groups.forEach((group, mine) -> out.add(group(group, mine, maxSteal)));
    return out;
  }

  private static GroupTrouble group(String group, List<RunRecord> runs, double maxSteal) {
    Map<String, Instant[]> spans = new HashMap<>();
    long errors = 0;
    long timeouts = 0;
    long stealy = 0;
    long tails = 0;
    List<Double> steals = new ArrayList<>();
    Map<String, Map<String, String>> facts = new HashMap<>();
    Map<String, java.util.Set<Long>> streams = new HashMap<>();
    for (RunRecord r : runs) {
      Run run = r.run();
      facts.put(run.agentId(), run.labels());
      if (r.streamUnixNano() != 0) {
        streams
            .computeIfAbsent(run.agentId(), a -> new java.util.HashSet<>())
            .add(r.streamUnixNano());
      }
      spans.merge(
          run.agentId(),
          new Instant[] {run.start(), run.start()},
          (a, b) -> new Instant[] {min(a[0], b[0]), max(a[1], b[1])});
      errors += r.status() == RunStatus.RUN_STATUS_ERROR ? 1 : 0;
      timeouts += r.status() == RunStatus.RUN_STATUS_TIMEOUT ? 1 : 0;
      if (run.stealRatio().isPresent()) {
        steals.add(run.stealRatio().getAsDouble());
        stealy += run.stealRatio().getAsDouble() > maxSteal ? 1 : 0;
      }
      tails += tailExcursions(r.values());
    }
    double hours =
        spans.values().stream()
            .mapToDouble(s -> Duration.between(s[0], s[1]).toNanos() / 3.6e12)
            .sum();
    return new GroupTrouble(
        group,
        spans.size(),
        runs.size(),
        errors,
        timeouts,
        hours,
        median(steals),
        stealy,
        tails,
        streams.isEmpty() ? -1 : streams.values().stream().mapToLong(set -> set.size() - 1L).sum(),
        risky(facts.values()));
  }

  /** How many agents have each risky fact; a fact no agent has is left out. */
  private static Map<String, Integer> risky(java.util.Collection<Map<String, String>> agents) {
    Map<String, Integer> out = new TreeMap<>();
    RiskyFacts.CHECKS.forEach(
        (name, check) -> {
          int n = (int) agents.stream().filter(check).count();
          if (n > 0) {
            out.put(name, n);
          }
        });
    return out;
  }

  private static long tailExcursions(List<ComparableValues.Value> values) {
    Map<String, Double> medians = new HashMap<>();
    for (ComparableValues.Value v : values) {
      if (v.metric().endsWith("_p50")) {
        medians.put(stem(v.metric()), v.value());
      }
    }
    long n = 0;
    for (ComparableValues.Value v : values) {
      if (v.metric().endsWith("_p99")) {
        Optional<Double> median = Optional.ofNullable(medians.get(stem(v.metric())));
        n += median.filter(m -> m > 0 && v.value() > TAIL_FACTOR * m).isPresent() ? 1 : 0;
      }
    }
    return n;
  }

  private static String stem(String metric) {
    return metric.substring(0, metric.length() - 4);
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
