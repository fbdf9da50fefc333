package io.guestbench.agent.ship.spool;

import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Where new batches wait while the spool's disk fails (full, read-only, I/O errors): in memory, at
 * most {@code spool.memory_bytes} of them (beyond it the oldest buffered batch is dropped as {@link
 * Spool#BUFFER_FULL}). The disk is tried again every {@link Spool#RETRY}; once it works, the buffer
 * is written out oldest first. Not thread-safe: the spool calls it under its lock.
 */
final class MemoryFallback {
  private static final Logger log = Logger.getLogger(MemoryFallback.class.getName());

  /** Writes one batch to the spool's segments. */
  interface Disk {
    RecordRef write(Batch batch) throws IOException;
  }

  private final Path dir;
  private final long maxBytes;
  private final Clock clock;
  private final HeldBatches held;
  private final Releases releases;
  private final Disk disk;
  private boolean active;
  private long retryAtNanos;

  MemoryFallback(
      Path dir, long maxBytes, Clock clock, HeldBatches held, Releases releases, Disk disk) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.held = held;
    this.releases = releases;
    this.disk = disk;
  }

  /** True while the disk is failing and new batches stay in memory. */
  boolean active() {
    return active;
  }

  /** True when a new batch may go to disk: it has not failed, or it works again at the retry. */
  boolean diskWorks() {
    retryIfDue();
    return !active;
  }

  /** At the retry time, writes the buffer out; the disk counts as working once it is empty. */
  void retryIfDue() {
    if (active && clock.monotonicNanos() >= retryAtNanos) {
      spill();
    }
  }

  /** A disk operation failed: new batches stay in memory until the next retry. */
  void diskFailed(IOException e) {
    if (!active) {
      log.warning(
          "spool %s: disk failed (%s); holding new batches in memory (at most %d bytes) and retrying the disk every %ds"
              .formatted(dir, e, maxBytes, Spool.RETRY.toSeconds()));
    }
    active = true;
    retryAtNanos = clock.monotonicNanos() + Spool.RETRY.toNanos();
  }

  /** Keeps {@code batch} in memory, dropping the oldest buffered batches beyond the bound. */
  void hold(Batch batch) {
    held.add(new Held.InMemory(batch));
    while (held.memoryBytes() > maxBytes && held.memoryBatches() > 1) {
      releases.dropOldest(Held.InMemory.class, Spool.BUFFER_FULL);
    }
  }

  /** Closing: a last try to write the buffer out; what stays in memory is lost with the process. */
  void close() {
    if (active && !spill()) {
      log.warning(
          "spool %s: %d batches held only in memory are lost on exit"
              .formatted(dir, held.memoryBatches()));
    }
  }

  /** Writes the batches held in memory to disk, oldest first; true when none is left. */
  private boolean spill() {
    for (Held.InMemory m : held.inMemory()) {
      try {
        held.add(new Held.OnDisk(disk.write(m.batch())));
      } catch (IOException e) {
        diskFailed(e);
        return false;
      }
    }
    if (active) {
      active = false;
      log.warning("spool " + dir + ": the disk works again; batches are on disk again");
    }
    return true;
  }
}
