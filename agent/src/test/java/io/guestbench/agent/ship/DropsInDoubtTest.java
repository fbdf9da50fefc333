package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DropsInDoubtTest {
  private final Ledger ledger = new Ledger();
  private final DropsInDoubt doubts = new DropsInDoubt(ledger);

  private OutboxStats stats() {
    return ledger.stats(doubts.batches(), doubts.results(), 0, SpoolHealth.NONE);
  }

  @Test
  void aBatchNeverHandedOutIsDroppedAtOnce() {
    doubts.handedOut(3);
    doubts.drop(4, 10, "spool_age_cap");

    assertThat(stats().droppedResultsByReason()).containsEntry("spool_age_cap", 10L);
    assertThat(doubts.results()).isZero();
  }

  @Test
  void aSentBatchDroppedThenCoveredByAnAckWasStored() {
    doubts.handedOut(5);
    doubts.drop(4, 10, "spool_age_cap");
    assertThat(stats().heldResults()).isEqualTo(10);
    assertThat(stats().droppedResults()).isZero();

    doubts.acknowledged(5);

    assertThat(stats().acknowledgedResults()).isEqualTo(10);
    assertThat(stats().droppedResults()).isZero();
    assertThat(stats().heldResults()).isZero();
  }

  @Test
  void aWelcomeSettlesWhatItCoversAsStoredAndTheRestAsDropped() {
    doubts.handedOut(9);
    doubts.drop(6, 2, "spool_age_cap");
    doubts.drop(8, 3, "spool_bytes_cap");

    doubts.welcomed(7);

    assertThat(stats().acknowledgedResults()).isEqualTo(2);
    assertThat(stats().droppedResultsByReason()).containsOnlyKeys("spool_bytes_cap");
    assertThat(stats().droppedResultsByReason()).containsEntry("spool_bytes_cap", 3L);
    assertThat(doubts.batches()).isZero();
  }

  @Test
  void afterAWelcomeAnOldSeqNotResentYetIsDroppedForGood() {
    // Sent 1..10 on a stream whose collector stored up to 5 and died. The new collector's Welcome
    // says 5; batch 6 ages out before it is sent again, then 7 is sent and acked: 6 was never
    // stored, even though an ack above it arrives.
    doubts.handedOut(10);
    doubts.welcomed(5);
    doubts.drop(6, 4, "spool_age_cap");
    doubts.handedOut(7);
    doubts.acknowledged(7);

    assertThat(stats().droppedResultsByReason()).containsEntry("spool_age_cap", 4L);
    assertThat(stats().acknowledgedResults()).isZero();
  }
}
