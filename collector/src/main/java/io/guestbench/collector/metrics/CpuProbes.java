package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeKind;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;

/** Catalogue entries of the CPU probes. */
final class CpuProbes {
  /** A duration as the agent's plan config writes it, for example {@code 2s} or {@code 500ms}. */
  static final String DURATION = "[0-9]{1,12}(ns|us|ms|s|m|h)";

  private CpuProbes() {}

  /** {@code cpu.compute}: integer or floating-point kernel throughput, timed per iteration. */
  static ProbeSpec compute() {
    List<ParamSpec> params =
        List.of(
            ParamSpec.label("kernel", "int|fp"),
            ParamSpec.setting("warmup", DURATION),
            ParamSpec.setting("iterations", "[1-9][0-9]{0,8}"),
            ParamSpec.setting("ops_per_iteration", "[1-9][0-9]{0,18}"),
            // The kernels' final state, published so the JIT cannot drop the work.
            ParamSpec.setting("checksum", "[0-9a-f]{1,16}"));
    List<String> labels = ProbeSpec.valueLabelNames(params);
    Family opsPerSecond =
        new Family(
            "guestbench_cpu_compute_ops_per_second",
            MetricType.GAUGE,
            "Kernel operations per second in the last ok run of the CPU compute probe: all"
                + " operations of the measured iterations over their summed time, after a timed"
                + " warm-up.",
            null,
            labels);
    Family iterationSeconds =
        new Family(
            "guestbench_cpu_compute_iteration_seconds",
            MetricType.HISTOGRAM,
            "Time of each measured iteration (ops_per_iteration kernel operations) of the CPU"
                + " compute probe, over all ok runs; bucketed from the agent's HdrHistogram,"
                + " with exact count and sum.",
            Unit.SECONDS,
            labels);
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_CPU,
        "compute",
        params,
        List.of(new GaugeSpec("ops_per_second", opsPerSecond)),
        List.of(
            new HistogramSpec(
                "iteration_nanos", iterationSeconds, 1e9, Buckets.oneTwoFive(-6, 1))));
  }
}
