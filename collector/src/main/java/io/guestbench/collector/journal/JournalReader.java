package io.guestbench.collector.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.proto.v1.JournalRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a journal directory front to back, oldest segment first: every stored batch once, damaged
 * frames skipped and counted, a torn tail ignored (nothing is changed on disk, so it is safe while
 * the collector writes). A copy of a (agent, epoch, seq) already read is skipped, as the collector
 * skipped it. Each batch comes with its agent's description (facts and labels from the Hello of its
 * stream, {@link StoredBatch#groupLabels()}), so results can be grouped by any agent label; batches
 * of journals written before agent records existed carry {@link AgentDescription#UNKNOWN}. Iterate
 * it once.
 *
 * <pre>{@code
 * try (JournalReader reader = JournalReader.open(dir).since(fromUnixNano)) {
 *   for (StoredBatch batch : reader) { ... }
 * }
 * }</pre>
 */
public final class JournalReader implements Iterable<StoredBatch>, AutoCloseable {
  private final List<SegmentFiles.Ref> segments;
  private final Map<AgentKey, Long> highest = new HashMap<>();
  private final Map<AgentKey, AgentDescription> agents = new HashMap<>();
  private long since = Long.MIN_VALUE;
  private int segment = -1;
  private SegmentCursor cursor;
  private StoredBatch next;
  private long corrupt;
  private long duplicates;

  private JournalReader(List<SegmentFiles.Ref> segments) {
    this.segments = segments;
  }

  /** A reader of the segments in {@code dir} now; segments written later are not read. */
  public static JournalReader open(Path dir) throws IOException {
    return new JournalReader(SegmentFiles.list(dir));
  }

  /** Only batches stored at or after {@code unixNano} (collector wall time). */
  public JournalReader since(long unixNano) {
    this.since = unixNano;
    return this;
  }

  /** Damaged frames skipped so far (a damaged tail counts once). */
  public long corrupt() {
    return corrupt;
  }

  /** Copies of already-read batches skipped so far. */
  public long duplicates() {
    return duplicates;
  }

  @Override
  public Iterator<StoredBatch> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (next == null) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public StoredBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        StoredBatch b = next;
        next = null;
        return b;
      }
    };
  }

  private StoredBatch advance() {
    try {
      for (ByteBuffer payload = nextPayload(); payload != null; payload = nextPayload()) {
        JournalRecord r;
        try {
          r = RecordCodec.parse(payload);
        } catch (InvalidProtocolBufferException e) {
          corrupt++; // the checksum held, yet it is no record: not ours, skip it
          continue;
        }
        AgentKey key = new AgentKey(r.getAgentId(), r.getEpoch());
        if (r.getSeq() == 0) {
          agents.put(key, RecordCodec.agent(r));
          continue;
        }
        if (r.getSeq() <= highest.getOrDefault(key, 0L)) {
          duplicates++;
          continue;
        }
        highest.put(key, r.getSeq());
        if (r.getStoredTimeUnixNano() >= since) {
          return RecordCodec.decode(r, agents.getOrDefault(key, AgentDescription.UNKNOWN));
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ByteBuffer nextPayload() throws IOException {
    while (true) {
      ByteBuffer payload = cursor == null ? null : cursor.next();
      if (payload != null) {
        return payload;
      }
      closeSegment();
      if (++segment >= segments.size()) {
        return null;
      }
      try {
        cursor = SegmentCursor.open(segments.get(segment).path());
      } catch (NoSuchFileException e) {
        cursor = null; // retention deleted it since the listing
      }
    }
  }

  private void closeSegment() {
    if (cursor != null) {
      corrupt += cursor.corrupt() + (cursor.hasDamagedTail() && !cursor.tailTorn() ? 1 : 0);
      cursor.close();
      cursor = null;
    }
  }

  @Override
  public void close() {
    closeSegment();
  }
}
