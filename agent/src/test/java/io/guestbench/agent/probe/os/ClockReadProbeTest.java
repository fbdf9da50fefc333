package io.guestbench.agent.probe.os;

import static io.guestbench.agent.probe.os.SyscallProbeTest.scalars;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.agent.probe.os.libc.Libcs;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClockReadProbeTest {
  @Test
  void everyClockIsReadForReal() throws Exception {
    ClockReadProbe probe = probe(Libc.system(), "kvm");
    for (ClockId clock : ClockId.values()) {
      ProbeResult r = probe.run(Tiny.run("clock", clock.label()));

      assertThat(r.getStatus())
          .as(clock + ": " + r.getStatusMessage())
          .isEqualTo(RunStatus.RUN_STATUS_OK);
      assertThat(r.getParamsMap()).containsEntry("clock", clock.label());
      Map<String, Double> values = scalars(r);
      assertThat(values.get("read_seconds")).as(clock.label()).isBetween(0.0, 100e-6);
      assertThat(values.get("resolution_seconds")).as(clock.label()).isPositive();
      assertThat(values).containsKey("syscall_fallback");
      assertThat(values.containsKey("ffm_call_seconds")).isEqualTo(clock.viaClockGettime());
      assertThat(r.getDistributions(0).getName()).isEqualTo("read_picos");
    }
  }

  @Test
  void aXenClocksourceIsFlagged() throws Exception {
    // The fixture's clocksource is xen; the reads themselves are this machine's.
    ProbeResult r = probe(Libc.system(), "xen-pv-new-kernel").run(Tiny.run("clock", "monotonic"));

    assertThat(scalars(r)).containsEntry("syscall_fallback", 1.0);
  }

  @Test
  void withoutFfmTheJvmClocksStillWork() throws Exception {
    ClockReadProbe probe = probe(Libcs.nativeAccessDenied(), "kvm");

    assertThat(probe.run(Tiny.run("clock", "nanotime")).getStatus())
        .isEqualTo(RunStatus.RUN_STATUS_OK);
    ProbeResult skipped = probe.run(Tiny.run("clock", "monotonic_raw"));
    assertThat(skipped.getStatus()).isEqualTo(RunStatus.RUN_STATUS_SKIPPED);
    assertThat(skipped.getStatusMessage()).contains("native access is not permitted");
    assertThat(skipped.getParamsMap()).containsEntry("clock", "monotonic_raw");
  }

  @Test
  void anUnknownClockIsAProblem() {
    assertThat(probe(Libc.system(), "kvm").check(Map.of("clock", "sundial")))
        .containsExactly(
            "clock: sundial (expected: nanotime, currenttimemillis, monotonic, realtime,"
                + " monotonic_raw or monotonic_coarse)");
  }

  private static ClockReadProbe probe(Libc libc, String host) {
    return new ClockReadProbe(libc, Tiny.measurer(), HostFixtures.files(host));
  }
}
