package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.MethodProbes.cov;
import static io.guestbench.collector.metrics.MethodProbes.histogram;
import static io.guestbench.collector.metrics.MethodProbes.params;

import io.guestbench.proto.v1.ProbeKind;
import java.util.List;

/** Catalogue entries of the memory probes, the control group that should barely move. */
final class MemProbes {
  private MemProbes() {}

  /** {@code cpu.mem_bandwidth}: STREAM copy or triad over arrays beyond the last-level cache. */
  static ProbeSpec bandwidth() {
    List<ParamSpec> params =
        params(
            ParamSpec.label("kernel", "copy|triad"),
            MethodProbes.bytes("array_bytes"),
            MethodProbes.bytes("llc_bytes"));
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_CPU,
        "mem_bandwidth",
        params,
        List.of(
            MethodProbes.gauge(
                "bytes_per_second",
                "guestbench_mem_bandwidth_bytes_per_second",
                "Memory bandwidth of the STREAM kernel in the last ok run, counted as STREAM does"
                    + " (copy 16, triad 24 bytes per element), over arrays of array_bytes each.",
                null,
                params),
            cov("guestbench_mem_bandwidth_cov_ratio", "the memory bandwidth probe", params)),
        List.of(
            histogram(
                "pass_picos",
                "guestbench_mem_pass_duration_seconds",
                "pass of the STREAM kernel over its arrays",
                params,
                Buckets.oneTwoFive(-5, 1))));
  }

  /** {@code cpu.mem_latency}: a dependent random pointer chase over a large buffer. */
  static ProbeSpec latency() {
    List<ParamSpec> params =
        params(MethodProbes.bytes("buffer_bytes"), MethodProbes.bytes("llc_bytes"));
    return new ProbeSpec(
        ProbeKind.PROBE_KIND_CPU,
        "mem_latency",
        params,
        List.of(
            MethodProbes.seconds(
                "load_seconds",
                "guestbench_mem_load_seconds",
                "Mean time of one dependent load of a random pointer chase over buffer_bytes"
                    + " (TLB misses included) in the last ok run.",
                params),
            cov("guestbench_mem_load_cov_ratio", "the memory latency probe", params)),
        List.of(
            histogram(
                "load_picos",
                "guestbench_mem_load_duration_seconds",
                "dependent load of the pointer chase",
                params,
                Buckets.oneTwoFive(-9, -5))));
  }
}
