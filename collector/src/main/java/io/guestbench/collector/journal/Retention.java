package io.guestbench.collector.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The closed segments, oldest first, and the rules that delete them: the oldest go while the
 * journal is larger than {@code retain_bytes} or their newest record is older than {@code
 * retain_age}. The segment being written is never deleted. Before the first deletion of a round the
 * dedupe checkpoint is saved, so the keys of the deleted segments are not forgotten; while it
 * cannot be saved nothing is deleted.
 */
final class Retention {
  private static final Logger log = Logger.getLogger(Retention.class.getName());
  private final Deque<SegmentInfo> closed;
  private final long retainBytes;
  private final long retainAgeNanos;
  private final JournalMetrics metrics;
  private final BooleanSupplier saveCheckpoint;
  private long closedBytes;

  Retention(
      List<SegmentInfo> recovered,
      long retainBytes,
      Duration age,
      JournalMetrics metrics,
      BooleanSupplier saveCheckpoint) {
    this.closed = new ArrayDeque<>(recovered);
    this.saveCheckpoint = saveCheckpoint;
    this.retainBytes = retainBytes;
    this.retainAgeNanos = age.toNanos();
    this.metrics = metrics;
    recovered.forEach(s -> closedBytes += s.bytes());
  }

  void add(SegmentInfo segment) {
    closed.addLast(segment);
    closedBytes += segment.bytes();
  }

  long closedBytes() {
    return closedBytes;
  }

  int closedCount() {
    return closed.size();
  }

  /** Deletes what the rules say must go, given the active segment's size and the time now. */
  void apply(long activeBytes, long nowUnixNano) {
    boolean saved = false;
    while (!closed.isEmpty()) {
      SegmentInfo oldest = closed.peekFirst();
      String reason =
          closedBytes + activeBytes > retainBytes
              ? "size"
              : nowUnixNano - oldest.newestUnixNano() > retainAgeNanos ? "age" : null;
      if (reason == null) {
        return;
      }
      saved = saved || saveCheckpoint.getAsBoolean();
      if (!saved || !delete(oldest)) {
        return;
      }
      closed.removeFirst();
      closedBytes -= oldest.bytes();
      metrics.retained(reason, oldest.bytes());
    }
  }

  private static boolean delete(SegmentInfo segment) {
    try {
      Files.deleteIfExists(segment.path());
      return true;
    } catch (IOException e) {
      log.warning(() -> "retention cannot delete " + segment.path() + ": " + e);
      return false;
    }
  }
}
