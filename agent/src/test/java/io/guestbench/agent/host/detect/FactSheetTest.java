package io.guestbench.agent.host.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FactSheetTest {
  @Test
  void keepsTheFirstValueAndRefusesBadKeysAndOverflowSayingSo() {
    FactSheet sheet = new FactSheet();
    sheet.put("clocksource", "xen");
    sheet.put("clocksource", "tsc");
    sheet.put("Bad-Key", "x");
    for (int i = 0; sheet.facts().size() < FactSheet.MAX_FACTS; i++) {
      sheet.put("k" + i, "v");
    }
    sheet.put("one_too_many", "v");

    assertThat(sheet.facts()).hasSize(64).containsEntry("clocksource", "xen");
    assertThat(sheet.notes())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.rule()).isEqualTo("facts_dropped");
              assertThat(e.observed()).contains("clocksource, Bad-Key, one_too_many");
            });
  }

  @Test
  void unknownValuesComeWithTheirReason() {
    FactSheet sheet = new FactSheet();
    sheet.putOrUnknown(
        "thp", Optional.empty(), "/sys/kernel/mm/transparent_hugepage/enabled", "missing");
    sheet.putOrUnknown("clocksource", Optional.of("tsc"), "/sys/x", "unused");
    sheet.put("nvme", "x".repeat(300));

    assertThat(sheet.facts()).containsEntry("thp", "unknown").containsEntry("clocksource", "tsc");
    assertThat(sheet.facts().get("nvme")).hasSize(256);
    assertThat(sheet.notes())
        .containsExactly(
            new Evidence(
                "fact_thp", "/sys/kernel/mm/transparent_hugepage/enabled", "missing", false));
  }
}
