package io.guestbench.agent.ship;

import java.util.Map;

/**
 * The outbox's accounting: produced = acknowledged + dropped + held.
 *
 * @param producedResults results appended since start
 * @param acknowledgedResults results the collector stored
 * @param heldBatches batches waiting for an ack
 * @param heldResults results in those batches
 * @param heldBytes serialized size of those batches
 * @param droppedResultsByReason results discarded, by bounded reason
 */
public record OutboxStats(
    long producedResults,
    long acknowledgedResults,
    long heldBatches,
    long heldResults,
    long heldBytes,
    Map<String, Long> droppedResultsByReason) {
  public OutboxStats {
    droppedResultsByReason = Map.copyOf(droppedResultsByReason);
  }

  public long droppedResults() {
    return droppedResultsByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
