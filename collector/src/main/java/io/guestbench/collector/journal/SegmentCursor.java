package io.guestbench.collector.journal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the frames of one segment file, mapped read-only. A damaged frame is skipped and recorded
 * as a {@link Damage}; reading resumes at the first place {@link Resync} trusts. Damage with no
 * valid frame after it is the segment's tail, torn when it is a cut-short frame or zeros (an
 * interrupted write), corrupt otherwise; fewer than a block of zeros up to a block-aligned end is
 * the padding of the writer's last O_DIRECT write, and no damage.
 */
final class SegmentCursor implements AutoCloseable {
  private final Arena arena;
  private final ByteBuffer data;
  private int pos;
  private int frameStart = -1;
  private final List<Damage> damage = new ArrayList<>();
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
        frameStart = pos;
        pos = v.end();
        return data.slice(v.payloadStart(), v.payloadLength());
      }
      int resume = Resync.after(data, pos);
      if (resume < 0 && isPadding(pos)) {
        pos = data.limit();
        return null;
      }
      if (resume < 0) {
        tailStart = pos;
        tailTorn = probe instanceof Frames.Incomplete || zerosFrom(pos, data.limit());
        pos = data.limit();
        return null;
      }
      damage.add(new Damage(pos, resume, reason(pos, resume)));
      pos = resume;
    }
    return null;
  }

  /** Where the frame whose payload {@link #next} returned last starts. */
  int frameStart() {
    return frameStart;
  }

  /** Where the frame whose payload {@link #next} returned last ends. */
  int frameEnd() {
    return pos;
  }

  /** Damaged regions skipped before the last valid frame. */
  int corrupt() {
    return damage.size();
  }

  /** The damaged regions skipped before the last valid frame, in file order. */
  List<Damage> damage() {
    return List.copyOf(damage);
  }

  /** The bytes of one damaged region, for quarantine. */
  ByteBuffer bytes(Damage d) {
    return data.slice(d.start(), d.end() - d.start());
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

  /** The damaged tail as a region; only when {@link #hasDamagedTail}. */
  Damage tailDamage() {
    return new Damage(validEnd(), data.limit(), Damage.TAIL);
  }

  private String reason(int start, int end) {
    if (zerosFrom(start, Math.min(end, start + Frames.HEADER_BYTES))) {
      return Damage.ZEROS;
    }
    return Frames.mayStartAt(data, start) ? Damage.CHECKSUM : Damage.HEADER;
  }

  /**
   * Zeros from {@code from} to a block-aligned end less than a block away: the padding of an
   * O_DIRECT write ({@link ActiveSegment}), not damage.
   */
  private boolean isPadding(int from) {
    int end = data.limit();
    return end % ActiveSegment.BLOCK == 0
        && end - from < ActiveSegment.BLOCK
        && zerosFrom(from, end);
  }

  private boolean zerosFrom(int from, int to) {
    for (int p = from; p < to; p++) {
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
