package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The label values of one agent's results of one probe configuration (probe, label parameters, and
 * whether the run was ok), worked out once per agent rather than for every result: the lists its
 * series are found by, and the charges the series budget takes for them. {@link AgentSeries} keeps
 * the few an agent uses; the two caches here are only shortcuts, each checked against its owner.
 */
final class ProbeLabels {
  /** The series of a probe's runs: counters by status, steal, last run end. */
  private static final int PER_PROBE = 4 + 2;

  final ProbeSpec spec;
  final AgentLabels agent;
  final boolean ok;

  /** The label parameters' values in the spec's order; none when the run was not ok. */
  private final List<String> params;

  /** The agent label values followed by the probe's id. */
  final List<String> probe;

  /** The agent label values followed by the label parameters' values (when ok). */
  final List<String> values;

  /** What the series budget charges for these series (see {@link SeriesBudget}). */
  final List<SeriesBudget.Charge> charges;

  /** The budget account known to hold {@link #charges}; accounts only grow while they live. */
  volatile Object chargedTo;

  private volatile Found found;

  /** Cells of one {@link AgentSeries} instance; another instance's are not these. */
  private record Found(AgentSeries owner, ProbeCells cells) {}

  private ProbeLabels(ProbeSpec spec, AgentLabels agent, boolean ok, List<String> params) {
    this.spec = spec;
    this.agent = agent;
    this.ok = ok;
    this.params = params;
    List<String> agentValues = agent.values();
    this.probe = Families.with(agentValues, spec.id());
    List<String> all = new ArrayList<>(agentValues);
    all.addAll(params);
    this.values = List.copyOf(all);
    List<SeriesBudget.Charge> c = new ArrayList<>(2);
    c.add(new SeriesBudget.Charge(probe, PER_PROBE));
    if (ok) {
      List<String> key = new ArrayList<>(probe);
      key.add("=");
      key.addAll(params);
      c.add(
          new SeriesBudget.Charge(
              List.copyOf(key), spec.gauges().size() + spec.histograms().size()));
    }
    this.charges = List.copyOf(c);
  }

  /**
   * The labels of {@code r}, a result of {@code spec} that passed the checks.
   *
   * @throws IllegalArgumentException if an ok result lacks a label parameter
   */
  static ProbeLabels of(ProbeSpec spec, AgentLabels agent, ProbeResult r) {
    boolean ok = r.getStatus() == RunStatus.RUN_STATUS_OK;
    List<String> params = new ArrayList<>();
    if (ok) {
      for (ParamSpec p : spec.params()) {
        if (p.label()) {
          String value = r.getParamsMap().get(p.key());
          if (value == null) {
            throw new IllegalArgumentException(
                "record() needs a result that passed check(): params." + p.key() + " is missing");
          }
          params.add(value);
        }
      }
    }
    return new ProbeLabels(spec, agent, ok, List.copyOf(params));
  }

  /** Whether {@code r}, a result of {@code spec} from {@code agent}, has these labels. */
  boolean matches(ProbeSpec spec, AgentLabels agent, ProbeResult r) {
    if (this.spec != spec
        || ok != (r.getStatus() == RunStatus.RUN_STATUS_OK)
        || !this.agent.equals(agent)) {
      return false;
    }
    if (!ok) {
      return true;
    }
    int i = 0;
    for (ParamSpec p : spec.params()) {
      if (p.label() && !params.get(i++).equals(r.getParamsMap().get(p.key()))) {
        return false;
      }
    }
    return true;
  }

  /** The cells of these labels in {@code series}, found there once. */
  ProbeCells cellsIn(AgentSeries series, List<String> statuses) {
    Found f = found;
    if (f == null || f.owner != series) {
      f = new Found(series, series.probeCells(spec, probe, values, statuses));
      found = f;
    }
    return f.cells;
  }
}
