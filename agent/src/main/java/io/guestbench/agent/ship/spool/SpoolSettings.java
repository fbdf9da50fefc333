package io.guestbench.agent.ship.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the durable spool behaves.
 *
 * @param dir where segments live; the spool uses {@code dir/<agent id>}
 * @param maxBytes held bytes on disk, at most; beyond it the oldest batches are dropped
 * @param maxAge held batches older than this are dropped
 * @param fsyncInterval {@link Duration#ZERO}: fsync every append; otherwise at most this often
 * @param segmentBytes a segment is closed and a new one begun beyond this size
 * @param memoryBytes bound of the memory buffer used while the disk fails
 */
public record SpoolSettings(
    Path dir,
    long maxBytes,
    Duration maxAge,
    Duration fsyncInterval,
    long segmentBytes,
    long memoryBytes) {
  public static final Path DEFAULT_DIR = Path.of("/var/lib/guestbench/spool");
  public static final long DEFAULT_MAX_BYTES = 1L << 30;
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

  public SpoolSettings {
    Objects.requireNonNull(dir, "dir");
    if (maxBytes <= 0 || segmentBytes <= 0 || memoryBytes <= 0) {
      throw new IllegalArgumentException("spool sizes must be positive");
    }
    if (maxAge.isNegative() || maxAge.isZero() || fsyncInterval.isNegative()) {
      throw new IllegalArgumentException("spool durations out of range");
    }
  }

  /** The defaults in {@code dir}, with {@code memoryBytes} for the memory buffer. */
  public static SpoolSettings defaults(Path dir, long memoryBytes) {
    return new SpoolSettings(
        dir,
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_AGE,
        Duration.ZERO,
        segmentBytesFor(DEFAULT_MAX_BYTES),
        memoryBytes);
  }

  /** The same settings in another directory. */
  public SpoolSettings withDir(Path newDir) {
    return new SpoolSettings(newDir, maxBytes, maxAge, fsyncInterval, segmentBytes, memoryBytes);
  }

  /** The segment size for a byte cap: small enough that a cap frees space in steps of 1/8. */
  public static long segmentBytesFor(long maxBytes) {
    return Math.max(64L << 10, Math.min(16L << 20, maxBytes / 8));
  }

  public boolean fsyncEveryAppend() {
    return fsyncInterval.isZero();
  }

  /** How often the spool's periodic work runs: every second, or the fsync interval when shorter. */
  Duration tickPeriod() {
    Duration second = Duration.ofSeconds(1);
    return !fsyncEveryAppend() && fsyncInterval.compareTo(second) < 0 ? fsyncInterval : second;
  }
}
