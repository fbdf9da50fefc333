package io.guestbench.agent.ship;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts where results went, so every produced result is either still held or accounted for as
 * acknowledged, dropped or rejected. Not thread-safe: outboxes call it under their own lock.
 */
public final class Ledger {
  private final Map<String, Long> droppedResults = new TreeMap<>();
  private final Map<String, Long> droppedBatches = new TreeMap<>();
  private final Map<String, Long> rejectedResults = new TreeMap<>();
  private long produced;
  private long recovered;
  private long acknowledged;

  public void produced(int results) {
    produced += results;
  }

  public void recovered(int results) {
    recovered += results;
  }

  public void acknowledged(int results) {
    acknowledged += results;
  }

  public void dropped(String reason, int results) {
    droppedResults.merge(reason, (long) results, Long::sum);
    droppedBatches.merge(reason, 1L, Long::sum);
  }

  public void rejected(String reason, int results) {
    rejectedResults.merge(reason, (long) results, Long::sum);
  }

  /** A snapshot with the holder's current counts. */
  public OutboxStats stats(long heldBatches, long heldResults, long heldBytes, SpoolHealth spool) {
    return new OutboxStats(
        produced,
        recovered,
        acknowledged,
        heldBatches,
        heldResults,
        heldBytes,
        droppedResults,
        droppedBatches,
        rejectedResults,
        spool);
  }
}
