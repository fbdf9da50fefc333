package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryOutboxTest {
  private static final List<ProbeResult> ONE =
      List.of(ProbeResult.newBuilder().setRunId("x").build());

  @Test
  void numbersBatchesFromOneAndReleasesOnCumulativeAck() {
    MemoryOutbox outbox = new MemoryOutbox(1 << 20, new ManualClock(5_000_000_000L));
    assertThat(outbox.epoch()).isEqualTo(5_000L);
    assertThat(outbox.append(ONE)).isEqualTo(1);
    assertThat(outbox.append(ONE)).isEqualTo(2);
    assertThat(outbox.append(ONE)).isEqualTo(3);
    assertThat(outbox.next(1).orElseThrow().getSeq()).isEqualTo(2);
    outbox.acknowledge(2);
    assertThat(outbox.firstUnacked()).isEqualTo(3);
    assertThat(outbox.stats().acknowledgedResults()).isEqualTo(2);
    assertThat(outbox.stats().heldBatches()).isEqualTo(1);
  }

  @Test
  void dropsTheOldestBeyondTheByteBoundAndCountsThem() {
    MemoryOutbox outbox = new MemoryOutbox(100, new ManualClock(1));
    List<ProbeResult> big = List.of(ProbeResult.newBuilder().setRunId("r".repeat(60)).build());
    outbox.append(big);
    outbox.append(big);
    outbox.append(big);
    OutboxStats stats = outbox.stats();
    assertThat(stats.heldBatches()).isEqualTo(1);
    assertThat(outbox.firstUnacked()).isEqualTo(3);
    assertThat(stats.droppedResultsByReason()).containsEntry("buffer_full", 2L);
    assertThat(stats.droppedBatchesByReason()).containsEntry("buffer_full", 2L);
    assertThat(stats.producedResults())
        .isEqualTo(stats.acknowledgedResults() + stats.droppedResults() + stats.heldResults());
  }
}
