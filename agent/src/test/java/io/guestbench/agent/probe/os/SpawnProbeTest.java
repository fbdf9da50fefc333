package io.guestbench.agent.probe.os;

import static io.guestbench.agent.probe.os.SyscallProbeTest.scalars;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnProbeTest {
  @TempDir Path dir;

  @Test
  void startsBinTrueForReal() throws Exception {
    ProbeResult r = new SpawnProbe(Tiny.measurer()).run(Tiny.run());

    assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(scalars(r).get("spawn_seconds")).isBetween(10e-6, 1.0);
    assertThat(r.getDistributions(0).getName()).isEqualTo("spawn_picos");
    assertThat(r.getParamsMap()).containsEntry("batch_ops", "1");
  }

  @Test
  void withoutBinTrueItIsSkipped() throws Exception {
    Path missing = dir.resolve("true");

    ProbeResult r = new SpawnProbe(Tiny.measurer(), missing).run(Tiny.run());

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_SKIPPED);
    assertThat(r.getStatusMessage()).isEqualTo("no executable " + missing);
  }

  @Test
  void aProgramThatFailsIsAnError() throws Exception {
    ProbeResult r = new SpawnProbe(Tiny.measurer(), Path.of("/bin/false")).run(Tiny.run());

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_ERROR);
    assertThat(r.getStatusMessage()).endsWith("runs of /bin/false exited non-zero");
  }

  @Test
  void theDefaultRepetitionIsLonger() {
    assertThat(SpawnProbe.DEFAULTS.repetition()).hasMillis(500);
  }
}
