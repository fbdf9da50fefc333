package io.guestbench.collector.report;

import io.guestbench.collector.compare.CompareEngine;
import io.guestbench.collector.compare.CompareOptions;
import io.guestbench.collector.compare.CompareReport;
import io.guestbench.collector.compare.Observation;
import io.guestbench.collector.cost.CostOfGroups;
import io.guestbench.collector.cost.CostReport;
import io.guestbench.collector.cost.GroupMachines;
import io.guestbench.collector.cost.PriceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The side-by-side answer: speed (the compare engine's report) and trouble, per group, with where
 * the runs came from.
 *
 * @param source what was read, for example {@code journal /var/lib/guestbench/journal}
 * @param generated when the answer was computed
 * @param runs probe runs read
 * @param speed the statistics, per configuration and metric
 * @param trouble per group
 * @param cost each group's $/hour and work per dollar; empty when no price table was given
 * @param notes what the reader should know about the input (skipped records, unknown probes)
 */
public record Answer(
    String source,
    Instant generated,
    long runs,
    CompareReport speed,
    List<GroupTrouble> trouble,
    Optional<CostReport> cost,
    List<String> notes) {
  public Answer {
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(source, "source");
    trouble = List.copyOf(trouble);
    notes = List.copyOf(notes);
  }

  /** Computes the answer from runs, counting trouble from them too. */
  public static Answer of(
      String source,
      Instant now,
      List<RunRecord> runs,
      Optional<PriceTable> prices,
      CompareOptions options,
      List<String> notes) {
    List<GroupTrouble> trouble = TroubleCounter.count(runs, options.by(), options.maxSteal());
    return of(source, now, runs, trouble, prices, options, notes);
  }

  /** Computes the answer from runs, with trouble counted elsewhere. */
  public static Answer of(
      String source,
      Instant now,
      List<RunRecord> runs,
      List<GroupTrouble> trouble,
      Optional<PriceTable> prices,
      CompareOptions options,
      List<String> notes) {
    List<Observation> observations = new ArrayList<>();
    for (RunRecord r : runs) {
      r.values()
          .forEach(
              v -> observations.add(new Observation(r.run(), r.config(), v.metric(), v.value())));
    }
    CompareReport speed = new CompareEngine().compare(observations, options);
    Optional<CostReport> cost =
        prices.map(
            table -> CostOfGroups.of(speed, GroupMachines.of(observations, options.by()), table));
    return new Answer(source, now, runs.size(), speed, trouble, cost, notes);
  }
}
