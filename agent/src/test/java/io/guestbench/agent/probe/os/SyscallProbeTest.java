package io.guestbench.agent.probe.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.agent.probe.os.libc.Libcs;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyscallProbeTest {
  // Compiled loops and more than a scheduler tick each, so a preemption cannot flip the sign.
  private static final ProbeRun STURDY =
      Tiny.run(
          "warmup", "200ms", "repetition", "20ms", "min_repetitions", "5", "max_repetitions", "5");

  @Test
  void measuresGetppidNetOfTheBaselineCall() throws Exception {
    ProbeResult r = probe(Libc.system()).run(STURDY);

    assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getKind()).isEqualTo(ProbeKind.PROBE_KIND_OS);
    assertThat(r.getName()).isEqualTo("syscall");
    assertThat(scalars(r)).containsKeys("syscall_seconds", "ffm_call_seconds");
    // Loose bounds: how fast either call is is for the benchmark (bench/os-vs-c.sh) to show.
    assertThat(scalars(r).get("syscall_seconds")).isBetween(1e-12, 100e-6);
    assertThat(scalars(r).get("ffm_call_seconds")).isBetween(0.1e-9, 100e-6);
    assertThat(r.getDistributions(0).getName()).isEqualTo("call_picos");
    assertThat(r.getDistributions(0).getCount()).isPositive();
    assertThat(r.getParamsMap())
        .containsEntry("repetitions", "5")
        .containsEntry("min_repetitions", "5")
        .containsKeys("batch_ops", "converged", "warmup", "cov_percent");
    assertThat(r.getEndTimeUnixNano()).isGreaterThan(r.getStartTimeUnixNano());
  }

  @Test
  void aSystemCallNoSlowerThanTheBaselineFailsInsteadOfReportingZero() throws Exception {
    ProbeResult r = probe(Libcs.swapped("getppid", "getpagesize")).run(STURDY);

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_ERROR);
    assertThat(r.getStatusMessage())
        .startsWith("getppid measured no slower than the baseline call")
        .endsWith("raise repetition or min_repetitions");
    assertThat(r.getScalarsList()).isEmpty();
  }

  @Test
  void aMissingFunctionIsSkippedWithTheReason() throws Exception {
    ProbeResult r = probe(Libcs.without("getpagesize")).run(Tiny.run());

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_SKIPPED);
    assertThat(r.getStatusMessage()).isEqualTo("the C library has no getpagesize");
    assertThat(r.getScalarsList()).isEmpty();
    assertThat(r.getParamsMap()).containsEntry("warmup", "0s");
  }

  @Test
  void nativeAccessDeniedIsSkipped() throws Exception {
    ProbeResult r = probe(Libcs.nativeAccessDenied()).run(Tiny.run());

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_SKIPPED);
    assertThat(r.getStatusMessage()).contains("native access is not permitted");
  }

  @Test
  void badParametersAreAnErrorThatDoesNotEchoThem() throws Exception {
    SyscallProbe probe = probe(Libc.system());

    assertThat(probe.check(Map.of("cov_percent", "0"))).hasSize(1);
    ProbeResult r = probe.run(Tiny.run("warmup", "forever"));
    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_ERROR);
    assertThat(r.getParamsMap()).isEmpty();
  }

  private static SyscallProbe probe(Libc libc) {
    return new SyscallProbe(libc, Tiny.measurer());
  }

  static Map<String, Double> scalars(ProbeResult r) {
    return r.getScalarsList().stream()
        .collect(java.util.stream.Collectors.toMap(Scalar::getName, Scalar::getValue));
  }
}
