package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestbench.agent.probe.Samples;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodReportTest {
  @Test
  void anOkRowAndASkippedRow() {
    String table = MethodReport.table(figures());

    List<String> lines = table.lines().toList();
    assertThat(lines.get(0))
        .startsWith("probe")
        .contains("mean", "p50", "p99", "cov", "reps", "batch");
    assertThat(lines.get(1))
        .startsWith("os.syscall")
        .contains("121.5 ns", "130.0 ns", "2.0%", "   3!", "32", "0.5%");
    assertThat(lines.get(2))
        .isEqualTo(String.format("%-18s %-24s SKIPPED: no executable /bin/true", "os.spawn", ""));
  }

  @Test
  void jsonKeepsEveryParameterAndScalarAndTheDistributionInNanoseconds() {
    JsonNode results = MethodReport.json(figures());

    JsonNode ok = results.get(0);
    assertThat(ok.path("params").path("converged").asText()).isEqualTo("false");
    assertThat(ok.path("scalars").path("syscall_seconds").asDouble()).isEqualTo(121.5e-9);
    assertThat(ok.path("scalars").fieldNames()).toIterable().first().isEqualTo("syscall_seconds");
    assertThat(ok.path("call_nanos").path("p50").asDouble()).isEqualTo(130.0);
    assertThat(results.get(1).path("message").asText()).isEqualTo("no executable /bin/true");
    assertThat(results.get(1).path("steal_ratio").isNull()).isTrue();
  }

  @Test
  void valuesInReadableUnits() {
    assertThat(MethodReport.value("bytes_per_second", 4.123e10)).isEqualTo("41.23 GB/s");
    assertThat(MethodReport.value("spawn_seconds", 1.15e-3)).isEqualTo("1.15 ms");
    assertThat(MethodReport.value("syscall_fallback", 1)).isEqualTo("1.000");
    assertThat(MethodReport.nanos(3.04)).isEqualTo("3.0 ns");
    assertThat(MethodReport.nanos(2_070)).isEqualTo("2.07 us");
  }

  private static List<MethodFigures> figures() {
    Samples picos = new Samples();
    picos.record(130_000);
    ProbeResult ok =
        ProbeResult.newBuilder()
            .setKind(ProbeKind.PROBE_KIND_OS)
            .setName("syscall")
            .putParams("repetitions", "3")
            .putParams("converged", "false")
            .putParams("batch_ops", "32")
            .addScalars(Scalar.newBuilder().setName("cov_ratio").setValue(0.02))
            .addScalars(Scalar.newBuilder().setName("syscall_seconds").setValue(121.5e-9))
            .addDistributions(picos.toDistribution("call_picos"))
            .setStatus(RunStatus.RUN_STATUS_OK)
            .setStealRatio(0.005)
            .build();
    ProbeResult skipped =
        ProbeResult.newBuilder()
            .setKind(ProbeKind.PROBE_KIND_OS)
            .setName("spawn")
            .setStatus(RunStatus.RUN_STATUS_SKIPPED)
            .setStatusMessage("no executable /bin/true")
            .setStealRatio(-1)
            .build();
    return List.of(MethodFigures.from(ok), MethodFigures.from(skipped));
  }
}
