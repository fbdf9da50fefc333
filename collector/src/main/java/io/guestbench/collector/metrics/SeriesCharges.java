package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The series a result may add, grouped as {@link ResultRecorder} creates them: per probe (run
 * counters by status, steal, last run end) and per set of label values (one per gauge and histogram
 * of the probe, since any of them may appear later).
 */
final class SeriesCharges {
  private static final int PER_PROBE = 4 + 2;

  private SeriesCharges() {}

  static List<SeriesBudget.Charge> of(ProbeSpec spec, AgentLabels agent, ProbeResult r) {
    List<String> probe = new ArrayList<>(agent.values());
    probe.add(spec.id());
    List<SeriesBudget.Charge> charges = new ArrayList<>(2);
    charges.add(new SeriesBudget.Charge(List.copyOf(probe), PER_PROBE));
    if (r.getStatus() == RunStatus.RUN_STATUS_OK) {
      List<String> values = new ArrayList<>(probe);
      values.add("=");
      Map<String, String> params = r.getParamsMap();
      for (ParamSpec p : spec.params()) {
        if (p.label()) {
          values.add(params.getOrDefault(p.key(), ""));
        }
      }
      charges.add(
          new SeriesBudget.Charge(
              List.copyOf(values), spec.gauges().size() + spec.histograms().size()));
    }
    return charges;
  }
}
