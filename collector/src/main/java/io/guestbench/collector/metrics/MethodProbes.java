package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the OS and memory probes share: the agent's measuring method (warm-up, repetitions until the
 * coefficient of variation is under target) and its result parameters, and the shape of their
 * families. Their distributions are per-operation times in picoseconds, one per timed batch.
 */
final class MethodProbes {
  /** Picoseconds to seconds. */
  static final double PICOS = 1e12;

  private MethodProbes() {}

  /** The probe's own parameters followed by the method's settings and how the run went. */
  static List<ParamSpec> params(ParamSpec... own) {
    List<ParamSpec> all = new ArrayList<>(List.of(own));
    all.add(ParamSpec.setting("warmup", CpuProbes.DURATION));
    all.add(ParamSpec.setting("repetition", CpuProbes.DURATION));
    all.add(ParamSpec.setting("min_repetitions", "[1-9][0-9]{0,3}"));
    all.add(ParamSpec.setting("max_repetitions", "[1-9][0-9]{0,3}"));
    all.add(ParamSpec.setting("cov_percent", "[0-9]{1,3}(\\.[0-9]{1,9})?"));
    // How the run went: repetitions made, whether the CoV reached its target, batch size.
    all.add(ParamSpec.setting("repetitions", "[1-9][0-9]{0,3}"));
    all.add(ParamSpec.setting("converged", "true|false"));
    all.add(ParamSpec.setting("batch_ops", "[1-9][0-9]{0,12}"));
    return all;
  }

  /** A size in bytes, as a setting. */
  static ParamSpec bytes(String key) {
    return ParamSpec.setting(key, "[1-9][0-9]{0,12}");
  }

  /** A gauge of the last ok run's mean time per operation, in seconds. */
  static GaugeSpec seconds(String scalar, String name, String help, List<ParamSpec> params) {
    return gauge(scalar, name, help, Unit.SECONDS, params);
  }

  /** A gauge of the last ok run. */
  static GaugeSpec gauge(
      String scalar, String name, String help, Unit unit, List<ParamSpec> params) {
    Family family =
        new Family(name, MetricType.GAUGE, help, unit, ProbeSpec.valueLabelNames(params));
    return new GaugeSpec(scalar, family);
  }

  /** The coefficient of variation of the last ok run's repetitions. */
  static GaugeSpec cov(String name, String what, List<ParamSpec> params) {
    return gauge(
        "cov_ratio",
        name,
        "Coefficient of variation (standard deviation over mean) of the per-repetition results of"
            + " the last ok run of "
            + what
            + "; the run stopped when it fell under cov_percent or at max_repetitions (see the"
            + " converged parameter).",
        Unit.RATIO,
        params);
  }

  /**
   * Per-operation times over all ok runs: one observation per timed batch, its time divided by its
   * operations (a batch is one operation where the clock is cheap enough).
   */
  static HistogramSpec histogram(
      String distribution, String name, String what, List<ParamSpec> params, double[] bounds) {
    Family family =
        new Family(
            name,
            MetricType.HISTOGRAM,
            "Time per "
                + what
                + ", over all ok runs: one observation per timed batch (its time over its"
                + " operations; batch_ops says how many), bucketed from the agent's HdrHistogram"
                + " of picoseconds.",
            Unit.SECONDS,
            ProbeSpec.valueLabelNames(params));
    return new HistogramSpec(distribution, family, PICOS, bounds);
  }
}
