package io.guestbench.e2e;

import io.guestbench.agent.probe.Distributions;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import org.HdrHistogram.Histogram;

/** Well-formed cpu.compute results with known values, as an agent would send them. */
final class SampleResults {
  private SampleResults() {}

  static ProbeResult cpu(String runId, String kernel, double opsPerSecond, long... iterationNanos) {
    Histogram h = new Histogram(3);
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (long v : iterationNanos) {
      h.recordValue(v);
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return ProbeResult.newBuilder()
        .setRunId(runId)
        .setKind(ProbeKind.PROBE_KIND_CPU)
        .setName("compute")
        .putParams("kernel", kernel)
        .setStartTimeUnixNano(1_700_000_000_000_000_000L)
        .setEndTimeUnixNano(1_700_000_001_000_000_000L)
        .addScalars(Scalar.newBuilder().setName("ops_per_second").setValue(opsPerSecond))
        .addDistributions(
            Distributions.of("iteration_nanos", h, iterationNanos.length, sum, min, max))
        .setStatus(RunStatus.RUN_STATUS_OK)
        .setStealRatio(0.01)
        .setProbeVersion("1")
        .build();
  }
}
