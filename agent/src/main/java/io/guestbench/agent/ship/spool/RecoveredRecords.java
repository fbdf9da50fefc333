package io.guestbench.agent.ship.spool;

import io.guestbench.agent.ship.Ledger;
import java.util.List;

/**
 * Turns the good records found on open into held batches: records of this epoch not yet released,
 * in seq order. Records already released are freed; records of another epoch or out of order are
 * quarantined.
 */
final class RecoveredRecords {
  private RecoveredRecords() {}

  static void admit(
      List<SegmentLog.Recovered> found,
      Numbering numbering,
      SegmentLog segments,
      HeldBatches held,
      Ledger ledger,
      SpoolDamage damage) {
    long previous = 0;
    for (SegmentLog.Recovered r : found) {
      RecordRef ref = r.ref();
      if (r.epoch() == numbering.epoch() && ref.seq() <= numbering.releasedThrough()) {
        segments.release(ref); // released before the last state write: gone already
        continue;
      }
      String problem =
          r.epoch() != numbering.epoch()
              ? "foreign_epoch"
              : ref.seq() <= previous ? "duplicate_seq" : null;
      if (problem != null) {
        segments.quarantine(ref);
        damage.quarantined(problem);
        segments.release(ref);
        continue;
      }
      previous = ref.seq();
      held.add(new Held.OnDisk(ref));
      ledger.recovered(ref.results());
    }
  }
}
