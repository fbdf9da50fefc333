package io.guestbench.agent.ship.spool;

import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.proto.v1.Batch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The segment files of one spool directory: recovery on open, appends to the active segment, lazy
 * reads of held records, and deletion of segments whose records are all released. Not thread-safe:
 * the spool calls it under its lock.
 */
final class SegmentLog {
  private static final Logger log = Logger.getLogger(SegmentLog.class.getName());

  /** What recovery found wrong, for the spool's counters. */
  interface Findings {
    void quarantined(String reason);

    void tornTail();
  }

  /** A good record found on open, with the epoch it was written in. */
  record Recovered(RecordRef ref, long epoch) {}

  /** A held record that no longer reads back as written. */
  static final class CorruptRecordException extends IOException {
    CorruptRecordException(String message) {
      super(message);
    }
  }

  private final Storage storage;
  private final Path dir;
  private final Path quarantine;
  private final long segmentBytes;
  private final boolean syncEachAppend;
  private final FsyncTimer fsyncs;
  private final NavigableMap<Long, Segment> segments = new TreeMap<>();
  private Segment active;
  private boolean unsynced;

  SegmentLog(
      Storage storage, Path dir, long segmentBytes, boolean syncEachAppend, FsyncTimer fsyncs) {
    this.storage = storage;
    this.dir = dir;
    this.quarantine = dir.resolve("quarantine");
    this.segmentBytes = segmentBytes;
    this.syncEachAppend = syncEachAppend;
    this.fsyncs = fsyncs;
  }

  /** Opens every segment, cuts torn tails, quarantines damage; the good records in file order. */
  List<Recovered> recover(Findings findings) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : storage.list(dir)) {
      if (Segment.firstSeq(p) >= 0) {
        files.add(p);
      }
    }
    files.sort(Comparator.comparingLong(Segment::firstSeq));
    List<Recovered> found = new ArrayList<>();
    for (Path p : files) {
      try {
        recoverSegment(p, findings, found);
      } catch (IOException e) {
        // left in place for the next start; its seqs stay covered by the state file
        log.warning("spool: cannot read " + p + " (" + e + "); skipped");
        findings.quarantined("unreadable_segment");
      }
    }
    return found;
  }

  private void recoverSegment(Path path, Findings findings, List<Recovered> found)
      throws IOException {
    SpoolFile file = storage.open(path);
    byte[] bytes;
    try {
      bytes = readAll(file);
    } catch (IOException e) {
      file.close();
      throw e;
    }
    SegmentScan.Result scan = SegmentScan.scan(bytes);
    for (SegmentScan.Damage d : scan.damaged()) {
      quarantine(path, d.offset(), bytes, d.offset(), d.length());
      findings.quarantined(d.reason());
    }
    if (scan.validLength() < bytes.length) {
      file.truncate(scan.validLength());
      fsyncs.force(file);
    }
    if (scan.tornTail()) {
      findings.tornTail();
      log.warning("spool: cut a torn record off the end of " + path);
    }
    Segment segment = new Segment(path, Segment.firstSeq(path), file, scan.validLength());
    segments.put(segment.firstSeq, segment);
    for (SegmentScan.Good g : scan.good()) {
      RecordFormat.Header h = g.header();
      segment.live++;
      found.add(
          new Recovered(
              new RecordRef(
                  segment, g.offset(), h.length(), h.seq(), h.createdNanos(), g.results()),
              h.epoch()));
    }
    if (segment.live == 0) {
      remove(segment);
    }
  }

  /** Writes one record; fsyncs it when the policy says every append. */
  RecordRef append(long epoch, long seq, long createdNanos, byte[] payload, int results)
      throws IOException {
    if (active == null || active.size >= segmentBytes) {
      roll(seq);
    }
    ByteBuffer record = RecordFormat.encode(epoch, seq, createdNanos, payload);
    long at = active.size;
    try {
      active.file.write(record, at);
      if (syncEachAppend) {
        fsyncs.force(active.file);
      } else {
        unsynced = true;
      }
    } catch (IOException e) {
      abandonActive(at);
      throw e;
    }
    active.size = at + record.limit();
    active.live++;
    return new RecordRef(active, at, payload.length, seq, createdNanos, results);
  }

  /** The batch a held record holds, read from disk and checked against its CRC. */
  Batch read(RecordRef ref) throws IOException {
    byte[] bytes = bytes(ref);
    RecordFormat.Header h = RecordFormat.header(bytes, 0);
    if (h == null
        || h.seq() != ref.seq()
        || h.length() != ref.payloadBytes()
        || !RecordFormat.intact(bytes, 0, h)) {
      throw new CorruptRecordException("record " + ref.seq() + " in " + ref.segment().path);
    }
    try {
      return Batch.parseFrom(ByteBuffer.wrap(bytes, RecordFormat.HEADER_BYTES, h.length()));
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptRecordException("record " + ref.seq() + ": " + e.getMessage());
    }
  }

  /** Copies a held record's bytes aside, best effort: it is released either way. */
  void quarantine(RecordRef ref) {
    try {
      quarantine(ref.segment().path, ref.offset(), bytes(ref), 0, ref.recordBytes());
    } catch (IOException e) {
      log.warning("spool: could not read record " + ref.seq() + " to quarantine it: " + e);
    }
  }

  /** The record is no longer held; its segment goes when nothing in it is held. */
  void release(RecordRef ref) {
    Segment s = ref.segment();
    s.live--;
    if (s.live == 0 && s != active) {
      remove(s);
    }
  }

  /** Makes appends durable under the interval policy. */
  void sync() throws IOException {
    if (unsynced && active != null) {
      fsyncs.force(active.file);
    }
    unsynced = false;
  }

  long diskBytes() {
    return segments.values().stream().mapToLong(s -> s.size).sum();
  }

  void close() {
    try {
      sync();
    } catch (IOException e) {
      log.warning("spool: last fsync failed: " + e);
    }
    for (Segment s : segments.values()) {
      closeQuietly(s);
    }
    segments.clear();
    active = null;
  }

  private void roll(long seq) throws IOException {
    if (active != null) {
      sync();
      Segment sealed = active;
      active = null;
      if (sealed.live == 0) {
        remove(sealed);
      }
    }
    Path path = dir.resolve(Segment.name(seq));
    SpoolFile file = storage.open(path);
    Segment segment = new Segment(path, seq, file, 0);
    segments.put(seq, segment);
    try {
      file.truncate(0);
      storage.syncDirectory(dir);
    } catch (IOException e) {
      remove(segment);
      throw e;
    }
    active = segment;
  }

  /** A failed write: cut it off if possible and never append to this segment again. */
  private void abandonActive(long at) {
    Segment s = active;
    active = null;
    unsynced = false;
    try {
      s.file.truncate(at);
    } catch (IOException e) {
      log.warning("spool: could not cut a failed write off " + s.path + ": " + e);
    }
    if (s.live == 0) {
      remove(s);
    }
  }

  private void remove(Segment s) {
    segments.remove(s.firstSeq);
    closeQuietly(s);
    try {
      storage.delete(s.path);
    } catch (IOException e) {
      log.warning(
          "spool: could not delete " + s.path + " (its records come back on restart): " + e);
    }
  }

  private void quarantine(Path segment, long offset, byte[] src, int srcOffset, int length) {
    Path target = quarantine.resolve(segment.getFileName() + "-" + offset + ".bad");
    try {
      storage.createDirectories(quarantine);
      byte[] copy = new byte[length];
      System.arraycopy(src, srcOffset, copy, 0, length);
      storage.replace(target, copy);
      log.warning("spool: moved " + length + " damaged bytes of " + segment + " to " + target);
    } catch (IOException e) {
      log.warning("spool: could not write " + target + " (the damaged bytes are skipped): " + e);
    }
  }

  private byte[] bytes(RecordRef ref) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(ref.recordBytes());
    ref.segment().file.read(b, ref.offset());
    return b.array();
  }

  private static byte[] readAll(SpoolFile file) throws IOException {
    long size = file.size();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("segment of " + size + " bytes is too large to recover");
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    file.read(b, 0);
    return b.array();
  }

  private static void closeQuietly(Segment s) {
    try {
      s.file.close();
    } catch (IOException e) {
      log.fine("spool: closing " + s.path + ": " + e);
    }
  }
}
