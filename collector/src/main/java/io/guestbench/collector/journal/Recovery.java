package io.guestbench.collector.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.collector.ingest.AgentKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Reads the whole journal on start: rebuilds the highest stored seq of every (agent, epoch), so a
 * resend after a restart is a duplicate, and cuts a damaged tail off the newest segment (the crash
 * that interrupted a write) so appends never follow garbage. A damaged tail that is not a torn
 * write is first copied to {@code quarantine/}. Damage elsewhere is skipped and counted, never
 * fatal.
 */
final class Recovery {
  private static final Logger log = Logger.getLogger(Recovery.class.getName());

  /** What the scan found. */
  record Result(List<SegmentInfo> segments, long records, long corrupt, long tornTails) {}

  private Recovery() {}

  static Result run(Path dir, Map<AgentKey, Long> highest) throws IOException {
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
            continue;
          }
          highest.merge(head.key(), head.seq(), Math::max);
          newest = Math.max(newest, head.storedTimeUnixNano());
          records++;
        }
        corrupt += cursor.corrupt();
        boolean last = i == refs.size() - 1;
        if (cursor.hasDamagedTail()) {
          torn += cursor.tailTorn() ? 1 : 0;
          corrupt += cursor.tailTorn() ? 0 : 1;
          if (last) {
            cutTail(dir, ref, cursor);
          }
        }
        if (newest == 0) { // no readable record: age it by its last write instead
          newest = Files.getLastModifiedTime(ref.path()).to(TimeUnit.NANOSECONDS);
        }
        infos.add(new SegmentInfo(ref.number(), ref.path(), Files.size(ref.path()), newest));
      }
    }
    return new Result(infos, records, corrupt, torn);
  }

  private static void cutTail(Path dir, SegmentFiles.Ref ref, SegmentCursor cursor)
      throws IOException {
    if (!cursor.tailTorn()) {
      Path quarantine = Files.createDirectories(dir.resolve("quarantine"));
      Path copy = quarantine.resolve(ref.path().getFileName() + "." + cursor.validEnd() + ".tail");
      try (FileChannel out =
          FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        out.write(cursor.tail());
        out.force(false);
      }
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
