package io.guestbench.collector.journal;

import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.proto.v1.DedupeEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file {@code dedupe.ckpt}: the highest stored seq of every (agent, epoch) stored within the
 * horizon, so retention can delete segments without forgetting their dedupe keys. It is replaced
 * atomically (temp file, fsync, rename, fsync of the directory) and framed like a record, so a
 * reader sees the old or the new checkpoint whole, or a damaged one it can tell.
 */
final class DedupeCheckpoint {
  static final String FILE = "dedupe.ckpt";
  private static final String TEMP = FILE + ".tmp";

  /** Fits one frame even with 64-character agent ids (about 100 bytes each). */
  static final int MAX_ENTRIES = 500_000;

  /** What is known of one (agent, epoch). */
  record Entry(long highestSeq, long lastStoredUnixNano) {}

  /** What the file held: empty when there is none; {@code damaged} when it could not be read. */
  record Loaded(Map<AgentKey, Entry> entries, boolean damaged) {}

  private DedupeCheckpoint() {}

  /** Never throws for a damaged or unreadable file: that is {@link Loaded#damaged()}. */
  static Loaded read(Path dir) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dir.resolve(FILE));
    } catch (NoSuchFileException e) {
      return new Loaded(Map.of(), false);
    } catch (IOException e) {
      return new Loaded(Map.of(), true); // unreadable (EIO, a directory...): as good as damaged
    }
    ByteBuffer data = ByteBuffer.wrap(bytes);
    if (!(Frames.probe(data, 0) instanceof Frames.Valid v) || v.end() != bytes.length) {
      return new Loaded(Map.of(), true);
    }
    io.guestbench.proto.v1.DedupeCheckpoint c;
    try {
      c =
          io.guestbench.proto.v1.DedupeCheckpoint.parseFrom(
              data.slice(v.payloadStart(), v.payloadLength()));
    } catch (IOException e) {
      return new Loaded(Map.of(), true);
    }
    Map<AgentKey, Entry> entries = new HashMap<>();
    for (DedupeEntry e : c.getEntriesList()) {
      entries.put(
          new AgentKey(e.getAgentId(), e.getEpoch()),
          new Entry(e.getHighestSeq(), e.getLastStoredTimeUnixNano()));
    }
    return new Loaded(entries, false);
  }

  /**
   * Replaces the checkpoint with the keys stored within {@code horizonNanos} of {@code nowUnixNano}
   * (the newest {@link #MAX_ENTRIES} of them); returns how many it holds.
   */
  static int write(
      Path dir,
      Map<AgentKey, Long> highest,
      Map<AgentKey, Long> lastStored,
      long nowUnixNano,
      long horizonNanos,
      boolean durable)
      throws IOException {
    List<DedupeEntry> entries = new ArrayList<>();
    highest.forEach(
        (key, seq) -> {
          long last = lastStored.getOrDefault(key, nowUnixNano);
          if (seq > 0 && nowUnixNano - last <= horizonNanos) {
            entries.add(
                DedupeEntry.newBuilder()
                    .setAgentId(key.agentId())
                    .setEpoch(key.epoch())
                    .setHighestSeq(seq)
                    .setLastStoredTimeUnixNano(last)
                    .build());
          }
        });
    if (entries.size() > MAX_ENTRIES) {
      entries.sort(Comparator.comparingLong(DedupeEntry::getLastStoredTimeUnixNano).reversed());
      entries.subList(MAX_ENTRIES, entries.size()).clear();
    }
    ByteBuffer frame =
        Frames.frame(
            io.guestbench.proto.v1.DedupeCheckpoint.newBuilder()
                .setWrittenTimeUnixNano(nowUnixNano)
                .addAllEntries(entries)
                .build());
    Path temp = dir.resolve(TEMP);
    try (FileChannel ch =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      while (frame.hasRemaining()) {
        ch.write(frame);
      }
      if (durable) {
        ch.force(true);
      }
    }
    Files.move(
        temp,
        dir.resolve(FILE),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    if (durable) {
      SegmentFiles.syncDirectory(dir);
    }
    return entries.size();
  }
}
