package io.guestbench.agent.ship.spool;

import io.guestbench.agent.ship.Ledger;

/**
 * The ways a held batch leaves the spool: acknowledged, rejected for good, or dropped (a cap, a
 * full memory buffer, a damaged record). Each frees the batch's record, moves the release mark and
 * counts the results in the ledger. Not thread-safe: the spool calls it under its lock.
 */
final class Releases {
  private final HeldBatches held;
  private final Numbering numbering;
  private final SegmentLog segments;
  private final Ledger ledger;

  Releases(HeldBatches held, Numbering numbering, SegmentLog segments, Ledger ledger) {
    this.held = held;
    this.numbering = numbering;
    this.segments = segments;
    this.ledger = ledger;
  }

  /** The collector stored every batch up to {@code seq}. */
  void acknowledged(long seq) {
    while (held.size() > 0 && held.firstSeq() <= seq) {
      Held h = held.remove(held.firstSeq());
      release(h);
      ledger.acknowledged(h.results());
    }
    ledger.acknowledgedThrough(seq);
  }

  /** The collector refused batch {@code seq} for good; false when it is not held. */
  boolean rejected(long seq, String reason) {
    Held h = held.remove(seq);
    if (h == null) {
      return false;
    }
    release(h);
    ledger.rejected(reason, h.results());
    return true;
  }

  /** Drops the oldest held batch of one kind. */
  void dropOldest(Class<? extends Held> kind, String reason) {
    drop(held.oldest(kind).seq(), reason);
  }

  /** Drops the held batch {@code seq}; the ledger keeps it in doubt when a stream took it. */
  void drop(long seq, String reason) {
    Held h = held.remove(seq);
    release(h);
    ledger.droppedHeld(h.seq(), h.results(), reason);
  }

  /** Frees the record behind {@code h}, already taken out of {@code held}. */
  private void release(Held h) {
    numbering.released(held.size() == 0 ? numbering.lastSeq() : held.firstSeq() - 1);
    if (h instanceof Held.OnDisk d) {
      segments.release(d.ref());
    }
  }
}
