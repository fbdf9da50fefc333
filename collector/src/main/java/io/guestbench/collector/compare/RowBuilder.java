package io.guestbench.collector.compare;

import io.guestbench.collector.compare.CompareEngine.RowKey;
import io.guestbench.collector.compare.Verdict.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Computes one row: each group's kept runs summarised, then each group against the reference. */
final class RowBuilder {
  private RowBuilder() {}

  static Row build(
      RowKey key, List<Observation> observations, List<String> groups, CompareOptions o) {
    Map<String, double[]> values = new LinkedHashMap<>();
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    List<GroupResult> results = new ArrayList<>();
    for (String group : groups) {
      List<Observation> mine =
          observations.stream().filter(x -> CompareEngine.group(x, o).equals(group)).toList();
      List<Observation> kept = mine.stream().filter(x -> !stolen(x.run(), o)).toList();
      double[] sorted = kept.stream().mapToDouble(Observation::value).sorted().toArray();
      values.put(group, sorted);
      runs.put(group, kept.stream().map(Observation::run).toList());
      Optional<Summary> summary =
          sorted.length == 0 ? Optional.empty() : Optional.of(Summary.of(sorted));
      results.add(new GroupResult(group, summary, mine.size() - kept.size()));
    }
    Direction direction = Direction.of(key.metric());
    List<Comparison> comparisons = new ArrayList<>();
    for (String group : groups.subList(Math.min(1, groups.size()), groups.size())) {
      comparisons.add(compare(key, group, groups.getFirst(), values, direction, o));
    }
    runs.values().removeIf(List::isEmpty);
    return new Row(
        key.config(), key.metric(), direction, results, comparisons, Warnings.of(results, runs, o));
  }

  /** A run whose steal ratio is known and above the limit measured a neighbour, not the guest. */
  private static boolean stolen(Run run, CompareOptions o) {
    return run.stealRatio().isPresent() && run.stealRatio().getAsDouble() > o.maxSteal();
  }

  private static Comparison compare(
      RowKey key,
      String group,
      String reference,
      Map<String, double[]> values,
      Direction direction,
      CompareOptions o) {
    double[] x = values.get(group);
    double[] y = values.get(reference);
    for (String g : List.of(group, reference)) {
      if (values.get(g).length == 0) {
        return notComparable(group, reference, g + " has no runs of this metric");
      }
    }
    RankTest test = MannWhitney.test(x, y);
    if (!(x[0] > 0 && y[0] > 0)) {
      String why =
          "no ratio: values at or below 0 (rank test %s)".formatted(Verdicts.pValue(test.p()));
      return new Comparison(
          group,
          reference,
          Optional.empty(),
          Optional.of(test),
          new Verdict(Outcome.NOT_COMPARABLE, why));
    }
    SplittableRandom random = new SplittableRandom(seed(o.seed(), key, group, reference));
    RatioInterval ratio = Bootstrap.ratioOfMedians(x, y, o.resamples(), o.confidence(), random);
    Verdict verdict = Verdicts.decide(group, reference, direction, ratio, test, o.alpha());
    return new Comparison(group, reference, Optional.of(ratio), Optional.of(test), verdict);
  }

  private static Comparison notComparable(String group, String reference, String why) {
    return new Comparison(
        group,
        reference,
        Optional.empty(),
        Optional.empty(),
        new Verdict(Outcome.NOT_COMPARABLE, why));
  }

  /**
   * A stream per comparison, from the seed and the comparison's identity (String.hashCode is
   * specified), so a row's interval does not change when other rows come or go.
   */
  static long seed(long seed, RowKey key, String group, String reference) {
    long h = seed;
    for (String s : List.of(key.config(), key.metric(), group, reference)) {
      h = h * 0x9E3779B97F4A7C15L + s.hashCode();
    }
    return h;
  }
}
