package io.guestbench.agent.ship;

import java.util.Map;

/**
 * How the durable spool is doing, for heartbeats and the exit summary.
 *
 * @param enabled false for an in-memory outbox (every other field is then zero)
 * @param degraded the disk failed: new batches wait in a bounded memory buffer until it works
 * @param diskBytes bytes of segment files on disk
 * @param memoryBatches batches held only in memory (while degraded)
 * @param quarantinedByReason damaged records moved to {@code quarantine/}, by bounded reason
 * @param tornTails partial last records cut off at start
 * @param fsyncs fsync calls since start
 * @param fsyncNanosTotal time spent in them
 * @param fsyncNanosMax the slowest one
 */
public record SpoolHealth(
    boolean enabled,
    boolean degraded,
    long diskBytes,
    long memoryBatches,
    Map<String, Long> quarantinedByReason,
    long tornTails,
    long fsyncs,
    long fsyncNanosTotal,
    long fsyncNanosMax) {
  public static final SpoolHealth NONE = new SpoolHealth(false, false, 0, 0, Map.of(), 0, 0, 0, 0);

  public SpoolHealth {
    quarantinedByReason = Map.copyOf(quarantinedByReason);
  }
}
