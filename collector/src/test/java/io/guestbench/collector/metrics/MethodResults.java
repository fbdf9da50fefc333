package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.START;
import static io.guestbench.collector.metrics.TestResults.distribution;

import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.Map;

/** OS and memory probe results shaped as the agent's measuring method makes them, for tests. */
final class MethodResults {
  private MethodResults() {}

  /** An ok result: the method's params, the probe's own, its scalars and one picos distribution. */
  static ProbeResult.Builder ok(
      ProbeKind kind,
      String name,
      Map<String, String> own,
      Map<String, Double> scalars,
      String distribution,
      long... picos) {
    ProbeResult.Builder r =
        ProbeResult.newBuilder()
            .setRunId("run-os")
            .setKind(kind)
            .setName(name)
            .putAllParams(own)
            .putParams("warmup", "300ms")
            .putParams("repetition", "200ms")
            .putParams("min_repetitions", "3")
            .putParams("max_repetitions", "10")
            .putParams("cov_percent", "3.5")
            .putParams("repetitions", "3")
            .putParams("converged", "true")
            .putParams("batch_ops", "16")
            .setStartTimeUnixNano(START)
            .setEndTimeUnixNano(START + 600_000_000L)
            .addDistributions(distribution(distribution, picos))
            .setStatus(RunStatus.RUN_STATUS_OK)
            .setStealRatio(0.002)
            .setProbeVersion("1");
    scalars.forEach((k, v) -> r.addScalars(Scalar.newBuilder().setName(k).setValue(v)));
    return r;
  }

  /** One ok result of each OS and memory probe, with figures from a 2-core KVM guest. */
  static ProbeResult[] oneOfEach() {
    ProbeKind os = ProbeKind.PROBE_KIND_OS;
    ProbeKind cpu = ProbeKind.PROBE_KIND_CPU;
    return new ProbeResult[] {
      ok(
              os,
              "clock_read",
              Map.of("clock", "monotonic"),
              Map.of(
                  "read_seconds", 19.5e-9,
                  "resolution_seconds", 22e-9,
                  "syscall_fallback", 0.0,
                  "ffm_call_seconds", 3.5e-9,
                  "cov_ratio", 0.012),
              "read_picos",
              22_900,
              23_100,
              23_400)
          .build(),
      ok(
              os,
              "syscall",
              Map.of(),
              Map.of("syscall_seconds", 121e-9, "ffm_call_seconds", 3.6e-9, "cov_ratio", 0.02),
              "call_picos",
              124_000,
              125_500,
              131_000)
          .build(),
      ok(
              os,
              "page_fault",
              Map.of("hugepages", "off", "thp", "madvise", "region_bytes", "67108864"),
              Map.of("fault_seconds", 610e-9, "cov_ratio", 0.03),
              "fault_picos",
              580_000,
              605_000,
              650_000)
          .build(),
      ok(
              os,
              "spawn",
              Map.of(),
              Map.of("spawn_seconds", 820e-6, "cov_ratio", 0.025),
              "spawn_picos",
              790_000_000,
              815_000_000,
              860_000_000)
          .build(),
      ok(
              os,
              "context_switch",
              Map.of("pin", "same_cpu"),
              Map.of("switch_seconds", 2.1e-6, "cov_ratio", 0.01),
              "switch_picos",
              2_050_000,
              2_100_000,
              2_150_000)
          .build(),
      ok(
              cpu,
              "mem_bandwidth",
              Map.of("kernel", "triad", "array_bytes", "134217728", "llc_bytes", "33554432"),
              Map.of("bytes_per_second", 3.9e10, "cov_ratio", 0.015),
              "pass_picos",
              10_200_000_000L,
              10_300_000_000L)
          .build(),
      ok(
              cpu,
              "mem_latency",
              Map.of("buffer_bytes", "134217728", "llc_bytes", "33554432"),
              Map.of("load_seconds", 98e-9, "cov_ratio", 0.008),
              "load_picos",
              97_000,
              98_500,
              99_000)
          .build()
    };
  }
}
