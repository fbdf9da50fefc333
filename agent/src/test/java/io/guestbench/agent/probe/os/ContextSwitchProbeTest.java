package io.guestbench.agent.probe.os;

import static io.guestbench.agent.probe.os.SyscallProbeTest.scalars;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.agent.probe.os.libc.Libcs;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextSwitchProbeTest {
  @Test
  void handsATokenBetweenThreadsOnOneCpuAndGivesTheCpusBack() throws Exception {
    byte[] before = affinity();

    ProbeResult r = new ContextSwitchProbe(Libc.system(), Tiny.measurer()).run(Tiny.run());

    assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getParamsMap()).containsEntry("pin", "same_cpu");
    assertThat(scalars(r).get("switch_seconds")).isBetween(50e-9, 1.0);
    assertThat(r.getDistributions(0).getName()).isEqualTo("switch_picos");
    // Two handoffs per round trip, so a batch is an even number of switches.
    assertThat(Long.parseLong(r.getParamsMap().get("batch_ops")) % 2).isZero();
    assertThat(affinity()).isEqualTo(before);
  }

  @Test
  void unpinnedThreadsNeedNoAffinityCalls() throws Exception {
    ProbeResult r =
        new ContextSwitchProbe(Libcs.withoutSymbols(), Tiny.measurer())
            .run(Tiny.run("pin", "none"));

    assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getParamsMap()).containsEntry("pin", "none");
  }

  @Test
  void pinningWithoutTheAffinityCallsIsSkipped() throws Exception {
    ProbeResult r =
        new ContextSwitchProbe(Libcs.without("sched_setaffinity"), Tiny.measurer()).run(Tiny.run());

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_SKIPPED);
    assertThat(r.getStatusMessage()).isEqualTo("the C library has no sched_setaffinity");
  }

  @Test
  void pinIsOneOfTwo() {
    assertThat(new ContextSwitchProbe(Libc.system(), Tiny.measurer()).check(Map.of("pin", "2")))
        .containsExactly("pin: 2 (expected: same_cpu or none)");
  }

  @Test
  void theFirstCpuOfAMask() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment mask = arena.allocate(Affinity.SET_BYTES);
      assertThat(Affinity.firstCpu(mask)).isEqualTo(-1);
      mask.set(ValueLayout.JAVA_BYTE, 1, (byte) 0b0100);
      assertThat(Affinity.firstCpu(mask)).isEqualTo(10);
    }
  }

  private static byte[] affinity() {
    Affinity affinity = ((Bound.Ok<Affinity>) Affinity.bind(Libc.system())).value();
    try (Arena arena = Arena.ofConfined()) {
      return ((Bound.Ok<MemorySegment>) affinity.current(arena))
          .value()
          .toArray(ValueLayout.JAVA_BYTE);
    }
  }
}
