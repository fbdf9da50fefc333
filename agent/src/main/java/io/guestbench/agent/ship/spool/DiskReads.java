package io.guestbench.agent.ship.spool;

import io.guestbench.proto.v1.Batch;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Reads held batches back, from memory or from their segments. A damaged record is quarantined and
 * dropped at once; one that fails to read is retried on later reads, up to {@link
 * Spool#READ_ATTEMPTS}, then dropped. Not thread-safe: the spool calls it under its lock.
 */
final class DiskReads {
  private static final Logger log = Logger.getLogger(DiskReads.class.getName());
  private final SegmentLog segments;
  private final SpoolDamage damage;
  private final Releases releases;
  private final Map<Long, Integer> failures = new TreeMap<>();

  /**
   * What one read from disk gave.
   *
   * @param batch the batch, when it read back
   * @param lost true when it never will
   */
  private record Result(Optional<Batch> batch, boolean lost) {}

  DiskReads(SegmentLog segments, SpoolDamage damage, Releases releases) {
    this.segments = segments;
    this.damage = damage;
    this.releases = releases;
  }

  /**
   * The batch behind {@code h}, or empty when it cannot be read now (or ever: then it is dropped).
   */
  Optional<Batch> read(Held h) {
    return switch (h) {
      case Held.InMemory m -> Optional.of(m.batch());
      case Held.OnDisk d -> {
        Result r = fromDisk(d);
        if (r.lost()) {
          releases.drop(d.seq(), Spool.CORRUPT);
        }
        yield r.batch();
      }
    };
  }

  private Result fromDisk(Held.OnDisk d) {
    try {
      return new Result(Optional.of(segments.read(d.ref())), false);
    } catch (SegmentLog.CorruptRecordException e) {
      log.warning("spool: " + e.getMessage() + " is damaged; quarantined and dropped");
      damage.quarantined("bad_checksum");
      segments.quarantine(d.ref());
    } catch (IOException e) {
      if (failures.merge(d.seq(), 1, Integer::sum) < Spool.READ_ATTEMPTS) {
        log.warning("spool: cannot read batch " + d.seq() + " (" + e + "); will retry");
        return new Result(Optional.empty(), false);
      }
      log.warning("spool: cannot read batch " + d.seq() + " (" + e + "); dropped");
    }
    failures.remove(d.seq());
    return new Result(Optional.empty(), true);
  }
}
