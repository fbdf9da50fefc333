package io.guestbench.agent.probe.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackRuleTest {
  private static final Optional<String> TSC = Optional.of("tsc");

  @Test
  void aFastReadOnTscIsFine() {
    assertThat(FallbackRule.suspect(ClockId.NANOTIME, 21, TSC)).isEmpty();
    assertThat(FallbackRule.suspect(ClockId.NANOTIME, 21, Optional.empty())).isEmpty();
  }

  @Test
  void aSlowReadIsSuspectWhateverTheClocksource() {
    assertThat(FallbackRule.suspect(ClockId.MONOTONIC, 412, TSC))
        .contains("monotonic reads take 412 ns (over 150 ns)");
  }

  @Test
  void xenHpetAndAcpiPmAreSuspectEvenWhenFast() {
    for (String source : new String[] {"xen", "hpet", "acpi_pm"}) {
      assertThat(FallbackRule.suspect(ClockId.NANOTIME, 30, Optional.of(source)))
          .contains("clocksource " + source + " often has no user-space read");
    }
    assertThat(FallbackRule.suspect(ClockId.CURRENT_TIME_MILLIS, 700, Optional.of("xen")))
        .contains(
            "currenttimemillis reads take 700 ns (over 150 ns); clocksource xen often has no"
                + " user-space read");
  }

  @Test
  void aCoarseClockNeverReadsTheClocksource() {
    assertThat(FallbackRule.suspect(ClockId.MONOTONIC_COARSE, 6, Optional.of("xen"))).isEmpty();
  }
}
