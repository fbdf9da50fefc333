package io.guestbench.agent.ship;

import io.guestbench.proto.v1.Heartbeat;

/** The outbox's accounting as a Heartbeat: what the collector sees of the agent's side. */
final class Heartbeats {
  private Heartbeats() {}

  static Heartbeat of(OutboxStats stats, long wallNanos) {
    Heartbeat.Builder b =
        Heartbeat.newBuilder()
            .setTimeUnixNano(wallNanos)
            .setBufferedBatches(stats.heldBatches())
            .setBufferedBytes(stats.heldBytes())
            .setBufferedResults(stats.heldResults())
            .setProducedResults(stats.producedResults())
            .setRecoveredResults(stats.recoveredResults())
            .setAcknowledgedResults(stats.acknowledgedResults())
            .putAllDroppedBatchesByReason(stats.droppedBatchesByReason())
            .putAllDroppedResultsByReason(stats.droppedResultsByReason())
            .putAllRejectedResultsByReason(stats.rejectedResultsByReason());
    SpoolHealth spool = stats.spool();
    if (spool.enabled()) {
      b.setSpool(
          io.guestbench.proto.v1.SpoolHealth.newBuilder()
              .setDegraded(spool.degraded())
              .setDiskBytes(spool.diskBytes())
              .putAllQuarantinedRecordsByReason(spool.quarantinedByReason())
              .setTornTails(spool.tornTails())
              .setFsyncs(spool.fsyncs())
              .setFsyncNanosTotal(spool.fsyncNanosTotal())
              .setFsyncNanosMax(spool.fsyncNanosMax()));
    }
    return b.build();
  }
}
