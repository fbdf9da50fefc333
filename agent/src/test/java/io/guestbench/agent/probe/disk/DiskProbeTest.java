package io.guestbench.agent.probe.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import io.guestbench.testing.ManualClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The probe's results: the parameters, values and statuses the collector's catalogue expects. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiskProbeTest {
  @TempDir Path dir;

  private final DiskProbe probe = new DiskProbe(Jobs.runner(), new ManualClock(Jobs.WALL));

  @Test
  void identityAndChecks() {
    assertThat(probe.kind()).isEqualTo(ProbeKind.PROBE_KIND_DISK);
    assertThat(probe.name()).isEqualTo("job");
    assertThat(probe.check(Map.of("rw", "randread", "bs", "4k"))).isEmpty();
    assertThat(probe.check(Map.of("bs", "4x"))).containsExactly("bs: 4x (expected: 512..64M)");
  }

  @Test
  void aMixedJobReportsBothDirectionsAndItsFlushes() throws Exception {
    ProbeResult r =
        probe.run(run(Jobs.params(dir, "rw", "randrw", "rwmixread", "60", "fsync", "4")));

    assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getRunId()).isEqualTo("run-1");
    assertThat(r.getParamsMap())
        .containsEntry("rw", "randrw")
        .containsEntry("bs_bytes", "4096")
        .containsEntry("iodepth", "1")
        .containsEntry("engine", "sync")
        .containsEntry("numjobs", "1")
        .containsEntry("sync", "fsync")
        .containsEntry("sync_every", "4")
        .containsEntry("rwmixread", "60")
        .containsEntry("size_bytes", "4194304")
        .containsEntry("runtime", "300ms")
        .containsEntry("ramp", "0s")
        .containsEntry("verify", "none")
        .containsEntry("seed", "1")
        .containsEntry("target", "scratch")
        .containsKey("direct")
        .hasSize(15);
    assertThat(r.getScalarsList().stream().map(Scalar::getName))
        .containsExactly(
            "read_ops_per_second",
            "read_bytes_per_second",
            "read_min_interval_ops_per_second",
            "write_ops_per_second",
            "write_bytes_per_second",
            "write_min_interval_ops_per_second");
    assertThat(r.getScalarsList()).allMatch(s -> s.getValue() > 0);
    assertThat(r.getDistributionsList().stream().map(Distribution::getName))
        .containsExactly("read_latency_nanos", "write_latency_nanos", "sync_latency_nanos");
    assertThat(r.getStartTimeUnixNano()).isEqualTo(Jobs.WALL);
    assertThat(r.getEndTimeUnixNano()).isEqualTo(Jobs.WALL + 300_000_000L);
    assertThat(r.getStealRatio()).isEqualTo(-1); // a fixture /proc/stat does not move
    assertThat(Jobs.files(dir)).isEmpty();
  }

  @Test
  void aReadJobHasOnlyReadValues() throws Exception {
    ProbeResult r = probe.run(run(Jobs.params(dir, "rw", "read", "bs", "64k")));

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getScalarsList()).extracting(Scalar::getName).allMatch(n -> n.startsWith("read_"));
    assertThat(r.getDistributionsList())
        .extracting(Distribution::getName)
        .containsExactly("read_latency_nanos");
    assertThat(r.getParamsMap()).doesNotContainKey("rwmixread");
  }

  @Test
  void badParamsAndRefusalsAreErrorResultsWithoutValues() throws Exception {
    ProbeResult bad = probe.run(run(Map.of("bs", "4x", "directory", "/nowhere")));
    assertThat(bad.getStatus()).isEqualTo(RunStatus.RUN_STATUS_ERROR);
    assertThat(bad.getStatusMessage()).isEqualTo("bs: 4x (expected: 512..64M)");
    assertThat(bad.getParamsMap()).isEmpty();

    ProbeResult refused = probe.run(run(Jobs.params(dir.resolve("nowhere"))));
    assertThat(refused.getStatus()).isEqualTo(RunStatus.RUN_STATUS_ERROR);
    assertThat(refused.getStatusMessage()).startsWith("directory: " + dir.resolve("nowhere"));
    assertThat(refused.getParamsMap()).containsEntry("rw", "randread").doesNotContainKey("target");
    assertThat(refused.getScalarsCount() + refused.getDistributionsCount()).isZero();
    assertThat(refused.getStartTimeUnixNano()).isEqualTo(Jobs.WALL);
  }

  @Test
  void theSlowestIntervalLeavesOutAShortLastOne() {
    var full = new IntervalFigures(0, 0, 1_000_000_000L, side(500), side(0));
    var slow = new IntervalFigures(1, 1_000_000_000L, 1_000_000_000L, side(300), side(0));
    var tail = new IntervalFigures(2, 2_000_000_000L, 10_000_000L, side(1), side(0));
    assertThat(DiskResults.minIntervalIops(List.of(full, slow, tail), true)).isEqualTo(300);
    assertThat(DiskResults.minIntervalIops(List.of(tail), true)).isEqualTo(100);
    assertThat(DiskResults.minIntervalIops(List.of(), true)).isZero();
  }

  private static IntervalFigures.Side side(long ops) {
    return new IntervalFigures.Side(ops, 10, 20, 30);
  }

  private static ProbeRun run(Map<String, String> params) {
    return new ProbeRun("run-1", params, ProbeRun.Progress.NONE);
  }
}
