package io.guestbench.collector.journal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the frames of one segment file, mapped read-only. A damaged frame is skipped by searching
 * for the next valid one and counted; damage with no valid frame after it is the segment's tail,
 * torn when it is a cut-short frame or zeros (an interrupted write), corrupt otherwise.
 */
final class SegmentCursor implements AutoCloseable {
  private final Arena arena;
  private final ByteBuffer data;
  private int pos;
  private int corrupt;
  private int tailStart = -1;
  private boolean tailTorn;

  SegmentCursor(ByteBuffer data) {
    this(null, data);
  }

  private SegmentCursor(Arena arena, ByteBuffer data) {
    this.arena = arena;
    this.data = data;
  }

  /** Maps {@code file} as it is now; a writer appending meanwhile is not seen. */
  static SegmentCursor open(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new IOException(file + ": segment larger than 2 GiB");
      }
      Arena arena = Arena.ofConfined();
      ByteBuffer data =
          size == 0
              ? ByteBuffer.allocate(0)
              : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena).asByteBuffer();
      return new SegmentCursor(arena, data);
    }
  }

  /** The next valid payload (valid until close), or null at the end. */
  ByteBuffer next() {
    while (pos < data.limit()) {
      Frames.Probe probe = Frames.probe(data, pos);
      if (probe instanceof Frames.Valid v) {
        pos = v.end();
        return data.slice(v.payloadStart(), v.payloadLength());
      }
      int resume = nextValid(pos + 1);
      if (resume < 0) {
        tailStart = pos;
        tailTorn = probe instanceof Frames.Incomplete || zerosFrom(pos);
        pos = data.limit();
        return null;
      }
      corrupt++;
      pos = resume;
    }
    return null;
  }

  /** Damaged regions skipped before the last valid frame. */
  int corrupt() {
    return corrupt;
  }

  /** Where the valid data ends: the file size, or the start of a damaged tail. */
  int validEnd() {
    return tailStart < 0 ? data.limit() : tailStart;
  }

  /** Whether the segment ends in damage, and whether that damage looks like a torn write. */
  boolean hasDamagedTail() {
    return tailStart >= 0;
  }

  boolean tailTorn() {
    return tailTorn;
  }

  /** The damaged tail's bytes, for quarantine. */
  ByteBuffer tail() {
    return data.slice(validEnd(), data.limit() - validEnd());
  }

  private int nextValid(int from) {
    for (int p = from; p <= data.limit() - Frames.HEADER_BYTES; p++) {
      if (Frames.mayStartAt(data, p) && Frames.probe(data, p) instanceof Frames.Valid) {
        return p;
      }
    }
    return -1;
  }

  private boolean zerosFrom(int from) {
    for (int p = from; p < data.limit(); p++) {
      if (data.get(p) != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (arena != null) {
      arena.close();
    }
  }
}
