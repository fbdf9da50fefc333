package io.guestbench.collector.report;

import io.guestbench.collector.compare.Run;
import io.guestbench.collector.metrics.ComparableValues;
import io.guestbench.proto.v1.RunStatus;
import java.util.List;
import java.util.Objects;

/**
 * One probe run as a report sees it: where and when it ran, how it ended and what it measured.
 *
 * @param run the run's circumstances (agent, time, instance type, labels, steal)
 * @param config the probe configuration, for example {@code cpu.compute kernel=int}
 * @param status how the run ended
 * @param values what an ok run measured; empty otherwise
 * @param streamUnixNano when the agent's stream that delivered the run was accepted, which tells
 *     the agent's streams apart; 0 when the source does not know
 */
public record RunRecord(
    Run run,
    String config,
    RunStatus status,
    List<ComparableValues.Value> values,
    long streamUnixNano) {
  /** A run whose stream is not known. */
  public RunRecord(Run run, String config, RunStatus status, List<ComparableValues.Value> values) {
    this(run, config, status, values, 0);
  }

  public RunRecord {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(status, "status");
    values = List.copyOf(values);
  }
}
