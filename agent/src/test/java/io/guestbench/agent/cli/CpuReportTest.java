package io.guestbench.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.Samples;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuReportTest {

  @Test
  void jsonMatchesTheGoldenFile() throws IOException {
    assertThat(CpuReport.json(figures())).isEqualTo(golden("/golden/cpu-report.json"));
  }

  @Test
  void tableMatchesTheGoldenFile() throws IOException {
    assertThat(CpuReport.table(figures())).isEqualTo(golden("/golden/cpu-report.txt"));
  }

  @Test
  void latenciesUseAReadableUnit() {
    assertThat(CpuReport.nanos(999)).isEqualTo("999 ns");
    assertThat(CpuReport.nanos(12_345)).isEqualTo("12.35 us");
    assertThat(CpuReport.nanos(3_250_000)).isEqualTo("3.25 ms");
    assertThat(CpuReport.nanos(2_500_000_000L)).isEqualTo("2.50 s");
  }

  private static List<CpuFigures> figures() {
    Samples samples = new Samples();
    for (long v = 3_000_000; v < 3_100_000; v += 10_000) {
      samples.record(v);
    }
    ProbeResult ok =
        ProbeResult.newBuilder()
            .putParams("kernel", "int")
            .putParams("iterations", "10")
            .putParams("checksum", "5f3a")
            .setStatus(RunStatus.RUN_STATUS_OK)
            .addScalars(Scalar.newBuilder().setName("ops_per_second").setValue(6.5e8))
            .addDistributions(samples.toDistribution("iteration_nanos"))
            .setStealRatio(0.015)
            .build();
    ProbeResult failed =
        ProbeResult.newBuilder()
            .putParams("kernel", "fp")
            .setStatus(RunStatus.RUN_STATUS_ERROR)
            .setStatusMessage("the timer did not advance")
            .setStealRatio(-1)
            .build();
    return List.of(CpuFigures.from(ok), CpuFigures.from(failed));
  }

  private static String golden(String resource) throws IOException {
    try (InputStream in = CpuReportTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
