package io.guestbench.agent.ship;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts where results went, so every produced result is either still held or accounted for as
 * acknowledged, dropped or rejected. A held batch the outbox gives up after a stream took it stays
 * in doubt here ({@link DropsInDoubt}) until the collector says whether it stored it. Not
 * thread-safe: outboxes call it under their own lock.
 */
public final class Ledger {
  private final Map<String, Long> droppedResults = new TreeMap<>();
  private final Map<String, Long> droppedBatches = new TreeMap<>();
  private final Map<String, Long> rejectedResults = new TreeMap<>();
  private final DropsInDoubt doubts = new DropsInDoubt(this);
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

  /** The collector stored every batch up to {@code seq}: drops in doubt it covers were stored. */
  public void acknowledgedThrough(long seq) {
    doubts.acknowledged(seq);
  }

  /** A new stream's Welcome: settles every drop in doubt (see {@link DropsInDoubt#welcomed}). */
  public void welcomed(long highestStored) {
    doubts.welcomed(highestStored);
  }

  /** A stream took the batch {@code seq} to send. */
  public void handedOut(long seq) {
    doubts.handedOut(seq);
  }

  /**
   * The outbox gave up the held batch {@code seq} for {@code reason}: dropped at once, or in doubt
   * when a stream already took it.
   */
  public void droppedHeld(long seq, int results, String reason) {
    doubts.drop(seq, results, reason);
  }

  /** Results dropped for {@code reason} that no stream can have taken. */
  public void dropped(String reason, int results) {
    droppedResults.merge(reason, (long) results, Long::sum);
    droppedBatches.merge(reason, 1L, Long::sum);
  }

  public void rejected(String reason, int results) {
    rejectedResults.merge(reason, (long) results, Long::sum);
  }

  /** A snapshot with the holder's current counts; drops in doubt count as held. */
  public OutboxStats stats(long heldBatches, long heldResults, long heldBytes, SpoolHealth spool) {
    return new OutboxStats(
        produced,
        recovered,
        acknowledged,
        heldBatches + doubts.batches(),
        heldResults + doubts.results(),
        heldBytes,
        droppedResults,
        droppedBatches,
        rejectedResults,
        spool);
  }
}
