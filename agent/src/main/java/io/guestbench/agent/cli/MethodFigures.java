package io.guestbench.agent.cli;

import io.guestbench.agent.probe.Distributions;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.method.Measurement;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the local commands print for one result of a probe measured by the shared method.
 *
 * @param probe for example {@code os.syscall}
 * @param config the label-like parameters, for example {@code clock=monotonic}; empty if none
 * @param status without its prefix, for example {@code OK}
 * @param message why it did not run or failed; empty when it is ok
 * @param params every parameter, sorted
 * @param scalars every scalar, the main one first
 * @param perOp the per-operation distribution in nanoseconds, or null when there is none
 * @param stealRatio 0..1, or negative when unknown
 */
record MethodFigures(
    String probe,
    String config,
    String status,
    String message,
    Map<String, String> params,
    Map<String, Double> scalars,
    PerOp perOp,
    double stealRatio) {

  /** Parameters that tell runs of one probe apart; the rest are settings. */
  static final List<String> CONFIG_KEYS = List.of("clock", "kernel", "pin", "hugepages", "thp");

  /** Nanosecond figures of the per-operation samples (one per timed batch). */
  record PerOp(
      String name, long count, double min, double p50, double p90, double p99, double max) {}

  static MethodFigures from(ProbeResult r) {
    Map<String, Double> scalars = new LinkedHashMap<>();
    // The probes add their main value first; the CoV comes before it in the result.
    r.getScalarsList().stream()
        .filter(s -> !s.getName().equals(Measurement.COV_RATIO))
        .forEach(s -> scalars.put(s.getName(), s.getValue()));
    r.getScalarsList().stream()
        .filter(s -> s.getName().equals(Measurement.COV_RATIO))
        .forEach(s -> scalars.put(s.getName(), s.getValue()));
    StringBuilder config = new StringBuilder();
    for (String key : CONFIG_KEYS) {
      if (r.getParamsMap().containsKey(key)) {
        config
            .append(config.isEmpty() ? "" : " ")
            .append(key)
            .append('=')
            .append(r.getParamsOrThrow(key));
      }
    }
    return new MethodFigures(
        ProbeCatalog.id(r.getKind(), r.getName()),
        config.toString(),
        r.getStatus().name().replace("RUN_STATUS_", ""),
        r.getStatus() == RunStatus.RUN_STATUS_OK ? "" : r.getStatusMessage(),
        new TreeMap<>(r.getParamsMap()),
        scalars,
        r.getDistributionsCount() == 0 ? null : perOp(r.getDistributions(0)),
        r.getStealRatio());
  }

  boolean ok() {
    return status.equals("OK");
  }

  /** The main value's name and value: the first scalar. */
  Map.Entry<String, Double> main() {
    return scalars.entrySet().stream().findFirst().orElse(Map.entry("none", 0.0));
  }

  private static PerOp perOp(Distribution d) {
    Histogram h = Distributions.decode(d);
    String name = d.getName().replace("_picos", "_nanos");
    return new PerOp(
        name,
        d.getCount(),
        d.getMin() / 1000.0,
        within(h.getValueAtPercentile(50), d) / 1000.0,
        within(h.getValueAtPercentile(90), d) / 1000.0,
        within(h.getValueAtPercentile(99), d) / 1000.0,
        d.getMax() / 1000.0);
  }

  /** Histogram percentiles are bucket edges, which can fall just outside the exact min..max. */
  private static long within(long value, Distribution d) {
    return Math.max(d.getMin(), Math.min(d.getMax(), value));
  }
}
