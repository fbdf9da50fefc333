package io.guestbench.agent.ship;

import java.util.Map;

/**
 * The outbox's accounting since the process started: produced + recovered = acknowledged + dropped
 * + rejected + held.
 *
 * @param producedResults results appended since start
 * @param recoveredResults results found in the spool at start (produced by an earlier run)
 * @param acknowledgedResults results the collector stored
 * @param heldBatches batches waiting for an ack (spooled or in flight), and batches dropped after
 *     they were sent whose fate the collector has yet to tell (see {@link Ledger})
 * @param heldResults results in those batches
 * @param heldBytes serialized size of those batches
 * @param droppedResultsByReason results discarded by the agent, by bounded reason
 * @param droppedBatchesByReason batches discarded by the agent, by the same reasons
 * @param rejectedResultsByReason results the collector refused for good, by its reason
 * @param spool the durable spool's health, or {@link SpoolHealth#NONE} for a memory outbox
 */
public record OutboxStats(
    long producedResults,
    long recoveredResults,
    long acknowledgedResults,
    long heldBatches,
    long heldResults,
    long heldBytes,
    Map<String, Long> droppedResultsByReason,
    Map<String, Long> droppedBatchesByReason,
    Map<String, Long> rejectedResultsByReason,
    SpoolHealth spool) {
  public OutboxStats {
    droppedResultsByReason = Map.copyOf(droppedResultsByReason);
    droppedBatchesByReason = Map.copyOf(droppedBatchesByReason);
    rejectedResultsByReason = Map.copyOf(rejectedResultsByReason);
  }

  public long droppedResults() {
    return droppedResultsByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rejectedResults() {
    return rejectedResultsByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
