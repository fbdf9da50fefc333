package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatGaugesTest {
  @Test
  void wellFormedReasonsPassThrough() {
    assertThat(HeartbeatGauges.bounded(Map.of("spool_age_cap", 3L, "invalid_result", 1L)))
        .containsExactly(Map.entry("invalid_result", 1L), Map.entry("spool_age_cap", 3L));
  }

  @Test
  void malformedAndExcessReasonsAreSummedAsOther() {
    Map<String, Long> reported = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      reported.put("reason_" + (char) ('a' + i), 1L);
    }
    reported.put("Bad Reason!", 5L);
    reported.put("other", 2L);
    Map<String, Long> bounded = HeartbeatGauges.bounded(reported);
    assertThat(bounded).hasSize(HeartbeatGauges.MAX_REASONS);
    assertThat(bounded.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(27);
    assertThat(bounded).containsKey("other").doesNotContainKey("Bad Reason!");
  }
}
