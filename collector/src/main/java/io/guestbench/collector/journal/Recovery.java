package io.guestbench.collector.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.collector.ingest.AgentKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Reads the whole journal on start: merges the dedupe checkpoint and rebuilds from the segments the
 * highest stored seq of every (agent, epoch), so a resend after a restart is a duplicate even when
 * retention deleted the segment that held it. Cuts a damaged tail off the newest segment (the crash
 * that interrupted a write) so appends never follow garbage. Damage anywhere else is never fatal:
 * the readable records before and after it are kept, the damaged bytes are copied to quarantine/
 * under a name that says where they were (segment file name, then start-end byte offsets, then
 * ".damaged"), and each region is counted by reason and logged once.
 */
final class Recovery {
  private static final Logger log = Logger.getLogger(Recovery.class.getName());
  private static final int LOGGED_REGIONS = 20;

  /** What the scan found. */
  record Result(
      List<SegmentInfo> segments, long records, long corrupt, long tornTails, int checkpointKeys) {}

  private final Path dir;
  private final Map<AgentKey, Long> highest;
  private final Map<AgentKey, Long> lastStored;
  private final JournalMetrics metrics;
  private int regions;

  private Recovery(
      Path dir,
      Map<AgentKey, Long> highest,
      Map<AgentKey, Long> lastStored,
      JournalMetrics metrics) {
    this.dir = dir;
    this.highest = highest;
    this.lastStored = lastStored;
    this.metrics = metrics;
  }

  /**
   * Scans {@code dir}, filling {@code highest} (seq) and {@code lastStored} (wall time of the
   * newest stored batch) for every (agent, epoch) it finds in the checkpoint or the segments.
   */
  static Result run(
      Path dir, Map<AgentKey, Long> highest, Map<AgentKey, Long> lastStored, JournalMetrics metrics)
      throws IOException {
    return new Recovery(dir, highest, lastStored, metrics).run();
  }

  private Result run() throws IOException {
    int checkpointKeys = mergeCheckpoint();
    List<SegmentFiles.Ref> refs = SegmentFiles.list(dir);
    List<SegmentInfo> infos = new ArrayList<>();
    long records = 0;
    long corrupt = 0;
    long torn = 0;
    for (int i = 0; i < refs.size(); i++) {
      SegmentFiles.Ref ref = refs.get(i);
      long newest = 0;
      try (SegmentCursor cursor = SegmentCursor.open(ref.path())) {
        for (ByteBuffer payload = cursor.next(); payload != null; payload = cursor.next()) {
          RecordCodec.Head head;
          try {
            head = RecordCodec.head(payload);
          } catch (InvalidProtocolBufferException e) {
            corrupt++; // the checksum held, yet it is no record: skip it
            damaged(
                ref,
                cursor,
                new Damage(cursor.frameStart(), cursor.frameEnd(), Damage.NOT_A_RECORD));
            continue;
          }
          newest = Math.max(newest, head.storedTimeUnixNano());
          if (head.seq() == 0) {
            continue; // an agent record (its description), not a batch
          }
          highest.merge(head.key(), head.seq(), Math::max);
          lastStored.merge(head.key(), head.storedTimeUnixNano(), Math::max);
          records++;
        }
        corrupt += cursor.corrupt();
        for (Damage d : cursor.damage()) {
          damaged(ref, cursor, d);
        }
        boolean last = i == refs.size() - 1;
        if (cursor.hasDamagedTail()) {
          torn += cursor.tailTorn() ? 1 : 0;
          corrupt += cursor.tailTorn() ? 0 : 1;
          if (last) {
            cutTail(ref, cursor);
          } else if (!cursor.tailTorn()) {
            damaged(ref, cursor, cursor.tailDamage());
          }
        }
        if (newest == 0) { // no readable record: age it by its last write instead
          newest = Files.getLastModifiedTime(ref.path()).to(TimeUnit.NANOSECONDS);
        }
        infos.add(new SegmentInfo(ref.number(), ref.path(), Files.size(ref.path()), newest));
      }
    }
    if (regions > LOGGED_REGIONS) {
      log.warning(
          "journal: "
              + (regions - LOGGED_REGIONS)
              + " more damaged regions not logged one by one; see quarantine/ and"
              + " guestbench_collector_journal_damaged_total");
    }
    return new Result(infos, records, corrupt, torn, checkpointKeys);
  }

  private int mergeCheckpoint() {
    DedupeCheckpoint.Loaded loaded = DedupeCheckpoint.read(dir);
    if (loaded.damaged()) {
      metrics.checkpointFailed("unreadable");
      log.warning(
          "journal: the dedupe checkpoint is damaged or unreadable ("
              + quarantineCheckpoint()
              + "); dedupe keys of deleted segments are forgotten, resent old batches may be"
              + " stored again");
    }
    loaded
        .entries()
        .forEach(
            (key, e) -> {
              highest.merge(key, e.highestSeq(), Math::max);
              lastStored.merge(key, e.lastStoredUnixNano(), Math::max);
            });
    return loaded.entries().size();
  }

  /** Where the damaged checkpoint went, or why it could not be kept. */
  private String quarantineCheckpoint() {
    Path file = dir.resolve(DedupeCheckpoint.FILE);
    try {
      long written = Files.getLastModifiedTime(file).toMillis();
      Path copy = quarantine("%s.%d.damaged".formatted(DedupeCheckpoint.FILE, written));
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      return "copied to quarantine/" + copy.getFileName();
    } catch (IOException e) {
      return "not copied to quarantine/: " + e;
    }
  }

  /**
   * Copies one damaged region to quarantine (once), counts it and logs it. A copy that cannot be
   * made (disk full) is logged, not fatal: the region stays in its segment anyway.
   */
  private void damaged(SegmentFiles.Ref ref, SegmentCursor cursor, Damage d) {
    String name = "%s.%d-%d.damaged".formatted(ref.path().getFileName(), d.start(), d.end());
    String kept = keep(name, cursor.bytes(d));
    metrics.damaged(d.reason(), d.length());
    if (++regions <= LOGGED_REGIONS) {
      log.warning(
          () ->
              ref.path()
                  + ": skipped "
                  + d.length()
                  + " damaged bytes at "
                  + d.start()
                  + ".."
                  + d.end()
                  + " ("
                  + d.reason()
                  + "), "
                  + kept
                  + "; the readable records around it are kept");
    }
  }

  private String keep(String name, ByteBuffer bytes) {
    Path copy = dir.resolve("quarantine").resolve(name);
    if (Files.exists(copy)) {
      return "already in quarantine/" + name;
    }
    Path temp = copy.resolveSibling(name + ".tmp");
    try {
      write(quarantine(temp.getFileName().toString()), bytes);
      Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
      return "copied to quarantine/" + name;
    } catch (IOException e) {
      return "not copied to quarantine/ (" + e + ")";
    }
  }

  private Path quarantine(String name) throws IOException {
    return Files.createDirectories(dir.resolve("quarantine")).resolve(name);
  }

  private static void write(Path file, ByteBuffer bytes) throws IOException {
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(false);
    }
  }

  private void cutTail(SegmentFiles.Ref ref, SegmentCursor cursor) throws IOException {
    if (!cursor.tailTorn()) {
      metrics.damaged(Damage.TAIL, cursor.tailDamage().length());
      write(
          quarantine(ref.path().getFileName() + "." + cursor.validEnd() + ".tail"), cursor.tail());
    }
    log.warning(
        () ->
            ref.path()
                + ": cutting a damaged tail at byte "
                + cursor.validEnd()
                + (cursor.tailTorn() ? " (an interrupted write)" : " (kept in quarantine/)"));
    try (FileChannel ch = FileChannel.open(ref.path(), StandardOpenOption.WRITE)) {
      ch.truncate(cursor.validEnd());
      ch.force(true);
    }
  }
}
