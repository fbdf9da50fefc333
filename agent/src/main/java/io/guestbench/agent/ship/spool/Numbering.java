package io.guestbench.agent.ship.spool;

import io.guestbench.common.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The epoch and the seq counter of one spool directory. A seq is handed out only below a
 * reservation already written to the state file (renewed a million seqs at a time), so whatever
 * happens to the process, its successor starts above every seq it may have sent: after a clean
 * close at the last seq + 1, after a crash above the reservation. Not thread-safe: the spool calls
 * it under its lock.
 */
final class Numbering {
  static final long RESERVE = 1L << 20;

  /**
   * With the state file lost but records left, nothing says how far the lost process numbered;
   * jumping this far past the last record is beyond what any agent produces in one epoch.
   */
  static final long LOST_STATE_SKIP = 1L << 32;

  private static final Logger log = Logger.getLogger(Numbering.class.getName());

  private final Path dir;
  private final Clock clock;
  private StateFile file;
  private SpoolState durable;
  private boolean epochOnDisk;
  private long epoch;
  private long lastSeq;
  private long releasedThrough;
  private long releasedOnDisk;
  private boolean failing;

  Numbering(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  long epoch() {
    return epoch;
  }

  long lastSeq() {
    return lastSeq;
  }

  /** Picks up the epoch and numbering from the state file, or from records when it was lost. */
  void open(StateFile stateFile, List<SegmentLog.Recovered> found) {
    this.file = stateFile;
    Optional<SpoolState> state = stateFile.current();
    if (state.isPresent()) {
      durable = state.get();
      epoch = durable.epoch();
      lastSeq = durable.clean() ? durable.lastSeq() : durable.reservedThrough();
      releasedThrough = durable.releasedThrough();
      releasedOnDisk = releasedThrough;
      epochOnDisk = true;
    } else if (!found.isEmpty()) {
      epoch = found.getLast().epoch();
      lastSeq = maxSeq(found) + LOST_STATE_SKIP;
      epochOnDisk = true;
      log.warning(
          "spool "
              + dir
              + ": state file lost; keeping epoch "
              + epoch
              + " of the records found and continuing at seq "
              + (lastSeq + 1));
    } else {
      epoch = Math.max(1, clock.wallNanos() / 1_000_000L);
      lastSeq = 0;
    }
    lastSeq = Math.max(lastSeq, maxSeq(found));
  }

  /**
   * Reserves ahead right after open, which also puts a fresh epoch on disk at once; when the state
   * file cannot be written this is retried later.
   */
  void reserveAfterOpen() {
    tryReserve(lastSeq + RESERVE);
  }

  /** Whether the next batch would be dropped for want of a reservation on disk. */
  boolean blocked() {
    return epochOnDisk && lastSeq + 1 > reservedThrough();
  }

  /** The next seq, or 0 when none may be handed out (the reservation is used up). */
  long assign() {
    long seq = lastSeq + 1;
    if (epochOnDisk && seq > reservedThrough() - RESERVE / 2 && !failing) {
      tryReserve(seq + RESERVE);
    }
    if (epochOnDisk && seq > reservedThrough()) {
      return 0;
    }
    lastSeq = seq;
    return seq;
  }

  /** Renews the reservation when it is running low (retried from the spool's tick). */
  void renewIfDue() {
    if (epochOnDisk && lastSeq + 1 > reservedThrough() - RESERVE / 2) {
      tryReserve(lastSeq + 1 + RESERVE);
    }
  }

  /** Before a record goes to disk, its epoch and seq must be covered by the state file. */
  void ensureOnDisk() throws IOException {
    if (!epochOnDisk || lastSeq > reservedThrough()) {
      write(lastSeq + RESERVE);
    }
  }

  /** Every batch at or below the last released seq is gone: recovery may skip those records. */
  long releasedThrough() {
    return releasedThrough;
  }

  /** Every held batch at or below {@code seq} was released; recorded on the next state write. */
  void released(long seq) {
    releasedThrough = Math.max(releasedThrough, seq);
  }

  /**
   * Writes the release mark when it moved, so acknowledged and dropped batches do not come back
   * after a crash. (A batch released out of order, a rejected one, comes back until the mark passes
   * it: it is resent and rejected again.)
   */
  void flushReleased() {
    if (epochOnDisk && releasedThrough > releasedOnDisk && !blocked()) {
      tryReserve(Math.max(reservedThrough(), lastSeq + 1));
    }
  }

  /** The collector has seqs up to {@code seq}: never hand out one at or below it. */
  void skipPast(long seq) {
    if (seq <= lastSeq) {
      return;
    }
    log.warning(
        "spool "
            + dir
            + ": the collector holds seq "
            + seq
            + " of epoch "
            + epoch
            + ", beyond the last this spool assigned ("
            + lastSeq
            + "); continuing above it");
    lastSeq = seq;
    if (epochOnDisk) {
      tryReserve(seq + RESERVE);
    }
  }

  /** Records the exact last seq, so the next process continues right after it. */
  void closeCleanly() {
    try {
      if (epochOnDisk) {
        SpoolState clean = base().next(reservedThrough(), true, lastSeq, releasedThrough);
        file.write(clean);
        durable = clean;
        releasedOnDisk = releasedThrough;
      }
      file.close();
    } catch (IOException e) {
      log.warning("spool " + dir + ": could not record a clean close (" + e + ")");
    }
  }

  private long reservedThrough() {
    if (durable == null) {
      return 0;
    }
    return durable.clean() ? durable.lastSeq() : durable.reservedThrough();
  }

  private boolean tryReserve(long through) {
    try {
      write(through);
      failing = false;
      return true;
    } catch (IOException e) {
      if (!failing) {
        log.warning("spool " + dir + ": cannot write the state file (" + e + ")");
        failing = true;
      }
      return false;
    }
  }

  private void write(long through) throws IOException {
    SpoolState next = base().next(through, false, 0, releasedThrough);
    file.write(next);
    durable = next;
    releasedOnDisk = releasedThrough;
    epochOnDisk = true;
  }

  private SpoolState base() {
    return durable != null ? durable : new SpoolState(0, epoch, 0, false, 0, 0);
  }

  private static long maxSeq(List<SegmentLog.Recovered> found) {
    return found.stream().mapToLong(r -> r.ref().seq()).max().orElse(0);
  }
}
