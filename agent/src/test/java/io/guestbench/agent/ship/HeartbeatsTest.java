package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.Heartbeat;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {
  private static final List<ProbeResult> TWO =
      List.of(ProbeResult.newBuilder().setRunId("a").build(), ProbeResult.newBuilder().build());

  @Test
  void carriesTheWholeAccountingSoTheCollectorCanCheckConservation() {
    MemoryOutbox outbox = new MemoryOutbox(1 << 20, new ManualClock(1));
    outbox.append(TWO);
    outbox.append(TWO);
    outbox.append(TWO);
    outbox.acknowledge(1);
    outbox.reject(2, "invalid_result");
    Heartbeat hb = Heartbeats.of(outbox.stats(), 42);
    assertThat(hb.getTimeUnixNano()).isEqualTo(42);
    assertThat(hb.getProducedResults()).isEqualTo(6);
    assertThat(hb.getAcknowledgedResults()).isEqualTo(2);
    assertThat(hb.getRejectedResultsByReasonMap()).isEqualTo(Map.of("invalid_result", 2L));
    assertThat(hb.getBufferedBatches()).isEqualTo(1);
    assertThat(hb.getBufferedResults()).isEqualTo(2);
    assertThat(hb.hasSpool()).as("a memory outbox has no spool health").isFalse();
  }

  @Test
  void spoolHealthIsSentWhenThereIsASpool() {
    OutboxStats stats =
        new OutboxStats(
            3,
            1,
            2,
            1,
            2,
            90,
            Map.of("spool_age_cap", 0L),
            Map.of("spool_age_cap", 0L),
            Map.of(),
            new SpoolHealth(true, true, 4096, 1, Map.of("bad_checksum", 1L), 1, 7, 700, 300));
    Heartbeat hb = Heartbeats.of(stats, 1);
    assertThat(hb.getRecoveredResults()).isEqualTo(1);
    assertThat(hb.getSpool().getDegraded()).isTrue();
    assertThat(hb.getSpool().getDiskBytes()).isEqualTo(4096);
    assertThat(hb.getSpool().getQuarantinedRecordsByReasonMap()).containsEntry("bad_checksum", 1L);
    assertThat(hb.getSpool().getTornTails()).isEqualTo(1);
    assertThat(hb.getSpool().getFsyncs()).isEqualTo(7);
    assertThat(hb.getSpool().getFsyncNanosMax()).isEqualTo(300);
  }
}
