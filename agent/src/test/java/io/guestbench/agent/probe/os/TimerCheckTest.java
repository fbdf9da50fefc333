package io.guestbench.agent.probe.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.agent.probe.os.libc.Libcs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimerCheckTest {
  @Test
  void readsEveryClockAndReportsThemAsFacts() throws Exception {
    TimerReport report = check(Libc.system(), "kvm").run(ProbeRun.Progress.NONE);

    assertThat(report.clocks()).extracting(ClockReading::clock).containsExactly(ClockId.values());
    assertThat(report.clocks()).allMatch(ClockReading::available);
    assertThat(report.clocksource()).contains("kvm-clock");
    Map<String, String> facts = report.facts();
    assertThat(facts)
        .containsKeys(
            "timer_nanotime_ns",
            "timer_nanotime_step_ns",
            "timer_currenttimemillis_ns",
            "timer_clock_monotonic_ns",
            "timer_clock_realtime_ns",
            "timer_clock_monotonic_raw_ns",
            "timer_clock_monotonic_coarse_ns",
            "timer_ffm_call_ns",
            "timer_syscall_fallback");
    assertThat(facts.get("timer_nanotime_ns")).matches("[0-9]+\\.[0-9]");
    assertThat(facts).hasSizeLessThanOrEqualTo(10); // a Hello carries at most 64 facts
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void withoutFfmOnlyTheJvmClocksAreRead() throws Exception {
    TimerReport report = check(Libcs.withoutSymbols(), "kvm").run(ProbeRun.Progress.NONE);

    assertThat(report.clocks()).filteredOn(ClockReading::available).hasSize(2);
    assertThat(report.facts()).doesNotContainKeys("timer_ffm_call_ns", "timer_clock_monotonic_ns");
    assertThat(report.notes())
        .hasSize(4)
        .first()
        .isEqualTo("monotonic: the C library has no clock_gettime");
  }

  @Test
  void theFallbackFactCarriesItsReason() {
    TimerReport slow =
        new TimerReport(
            List.of(ClockReading.measured(ClockId.NANOTIME, 640, 640)), Optional.of("xen"), 8);

    assertThat(slow.facts())
        .containsEntry("timer_nanotime_ns", "640.0")
        .containsEntry("timer_ffm_call_ns", "8.0")
        .containsEntry("timer_syscall_fallback", "true")
        .containsEntry(
            "timer_syscall_fallback_reason",
            "nanotime reads take 640 ns (over 150 ns); clocksource xen often has no user-space"
                + " read");
  }

  @Test
  void theFactSourceChecksOnce() {
    TimerFactSource source = new TimerFactSource(check(Libcs.withoutSymbols(), "kvm"));

    Map<String, String> first = source.facts();
    // The reading is real, so its value depends on the machine's load; only its presence is fixed.
    assertThat(source.facts()).isSameAs(first).containsKey("timer_syscall_fallback");
    assertThat(source.name()).isEqualTo("timer");
    assertThat(source.notes()).hasSize(4);
  }

  private static TimerCheck check(Libc libc, String host) {
    return new TimerCheck(libc, Tiny.measurer(), HostFixtures.files(host));
  }
}
