package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger's drops in doubt, with nothing else held. */
class DropsInDoubtTest {
  private final Ledger ledger = new Ledger();

  private OutboxStats stats() {
    return ledger.stats(0, 0, 0, SpoolHealth.NONE);
  }

  @Test
  void aBatchNeverHandedOutIsDroppedAtOnce() {
    ledger.handedOut(3);
    ledger.droppedHeld(4, 10, "spool_age_cap");

    assertThat(stats().droppedResultsByReason()).containsEntry("spool_age_cap", 10L);
    assertThat(stats().heldResults()).isZero();
  }

  @Test
  void aSentBatchDroppedThenCoveredByAnAckWasStored() {
    ledger.handedOut(5);
    ledger.droppedHeld(4, 10, "spool_age_cap");
    assertThat(stats().heldResults()).isEqualTo(10);
    assertThat(stats().droppedResults()).isZero();

    ledger.acknowledgedThrough(5);

    assertThat(stats().acknowledgedResults()).isEqualTo(10);
    assertThat(stats().droppedResults()).isZero();
    assertThat(stats().heldResults()).isZero();
  }

  @Test
  void aWelcomeSettlesWhatItCoversAsStoredAndTheRestAsDropped() {
    ledger.handedOut(9);
    ledger.droppedHeld(6, 2, "spool_age_cap");
    ledger.droppedHeld(8, 3, "spool_bytes_cap");

    ledger.welcomed(7);

    assertThat(stats().acknowledgedResults()).isEqualTo(2);
    assertThat(stats().droppedResultsByReason()).containsOnlyKeys("spool_bytes_cap");
    assertThat(stats().droppedResultsByReason()).containsEntry("spool_bytes_cap", 3L);
    assertThat(stats().heldBatches()).isZero();
  }

  @Test
  void afterAWelcomeAnOldSeqNotResentYetIsDroppedForGood() {
    // Sent 1..10 on a stream whose collector stored up to 5 and died. The new collector's Welcome
    // says 5; batch 6 ages out before it is sent again, then 7 is sent and acked: 6 was never
    // stored, even though an ack above it arrives.
    ledger.handedOut(10);
    ledger.welcomed(5);
    ledger.droppedHeld(6, 4, "spool_age_cap");
    ledger.handedOut(7);
    ledger.acknowledgedThrough(7);

    assertThat(stats().droppedResultsByReason()).containsEntry("spool_age_cap", 4L);
    assertThat(stats().acknowledgedResults()).isZero();
  }
}
