package io.guestbench.collector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the collector's journal keeps acknowledged batches.
 *
 * @param dir the journal's directory, created if missing
 * @param segmentBytes a segment is closed and a new one started once the next write would pass this
 * @param retainBytes the oldest closed segments are deleted while the journal is larger than this
 * @param retainAge closed segments whose newest record is older than this are deleted
 * @param fsync force every group of writes to the device before acknowledging it; off, an ack means
 *     written to the page cache (survives the process being killed, not the machine losing power)
 * @param maxPendingBytes serialized batches waiting to be written, at most; beyond it batches are
 *     refused with a retryable {@code journal_busy} Nack
 * @param dedupeHorizon an (agent, epoch) with no batch stored for longer than this is left out of
 *     the dedupe checkpoint, so it stays bounded; once the segments holding it are deleted too, a
 *     resent batch of it would be stored again. Keep it above the agents' {@code spool.max_age}: an
 *     agent never resends a batch older than that
 * @param directIo with {@code fsync}, write segments with O_DIRECT where the file system takes it
 *     (no copy through the page cache); off, always through the page cache
 */
public record JournalConfig(
    Path dir,
    long segmentBytes,
    long retainBytes,
    Duration retainAge,
    boolean fsync,
    long maxPendingBytes,
    Duration dedupeHorizon,
    boolean directIo) {
  /** How long an idle (agent, epoch) stays in the dedupe checkpoint unless told otherwise. */
  public static final Duration DEFAULT_DEDUPE_HORIZON = Duration.ofDays(90);

  /** Where {@code collector serve} keeps its journal unless told otherwise. */
  public static final Path DEFAULT_DIR = Path.of("/var/lib/guestbench/journal");

  public JournalConfig {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(retainAge, "retainAge");
    Objects.requireNonNull(dedupeHorizon, "dedupeHorizon");
    if (segmentBytes <= 0 || retainBytes < segmentBytes || maxPendingBytes <= 0) {
      throw new IllegalArgumentException(
          "need 0 < segmentBytes <= retainBytes, maxPendingBytes > 0");
    }
  }

  /** With the default {@link #DEFAULT_DEDUPE_HORIZON} and O_DIRECT where it can be used. */
  public JournalConfig(
      Path dir,
      long segmentBytes,
      long retainBytes,
      Duration retainAge,
      boolean fsync,
      long maxPendingBytes) {
    this(
        dir,
        segmentBytes,
        retainBytes,
        retainAge,
        fsync,
        maxPendingBytes,
        DEFAULT_DEDUPE_HORIZON,
        true);
  }

  /** The same settings in another directory. */
  public JournalConfig in(Path newDir) {
    return new JournalConfig(
        newDir,
        segmentBytes,
        retainBytes,
        retainAge,
        fsync,
        maxPendingBytes,
        dedupeHorizon,
        directIo);
  }
}
