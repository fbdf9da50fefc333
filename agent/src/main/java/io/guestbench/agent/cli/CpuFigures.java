package io.guestbench.agent.cli;

import io.guestbench.agent.probe.Distributions;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The figures the {@code cpu} command prints for one compute result.
 *
 * @param kernel the kernel's label
 * @param status the run status without its prefix, for example {@code OK}
 * @param message why the run failed, empty when it did not
 * @param params the effective parameters, sorted
 * @param opsPerSecond kernel steps per second over the measured phase
 * @param iterations the per-iteration nanoseconds (percentiles within 0.1%, the rest exact)
 * @param stealRatio 0..1, or negative when unknown
 */
record CpuFigures(
    String kernel,
    String status,
    String message,
    Map<String, String> params,
    double opsPerSecond,
    Latency iterations,
    double stealRatio) {

  /** Nanosecond figures of one distribution. */
  record Latency(long count, long sum, long min, long p50, long p90, long p99, long max) {}

  static CpuFigures from(ProbeResult result) {
    double opsPerSecond =
        result.getScalarsList().stream()
            .filter(s -> s.getName().equals("ops_per_second"))
            .mapToDouble(Scalar::getValue)
            .findFirst()
            .orElse(0);
    Latency latency =
        result.getDistributionsList().stream()
            .filter(d -> d.getName().equals("iteration_nanos"))
            .map(CpuFigures::latency)
            .findFirst()
            .orElse(new Latency(0, 0, 0, 0, 0, 0, 0));
    return new CpuFigures(
        result.getParamsOrDefault("kernel", "?"),
        result.getStatus().name().replace("RUN_STATUS_", ""),
        result.getStatus() == RunStatus.RUN_STATUS_OK ? "" : result.getStatusMessage(),
        new TreeMap<>(result.getParamsMap()),
        opsPerSecond,
        latency,
        result.getStealRatio());
  }

  private static Latency latency(Distribution d) {
    Histogram h = Distributions.decode(d);
    return new Latency(
        d.getCount(),
        d.getSum(),
        d.getMin(),
        within(h.getValueAtPercentile(50), d),
        within(h.getValueAtPercentile(90), d),
        within(h.getValueAtPercentile(99), d),
        d.getMax());
  }

  /** Histogram percentiles are bucket edges, which can fall just outside the exact min..max. */
  private static long within(long value, Distribution d) {
    return Math.max(d.getMin(), Math.min(d.getMax(), value));
  }
}
