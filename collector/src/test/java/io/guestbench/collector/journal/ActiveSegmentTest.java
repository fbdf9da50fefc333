package io.guestbench.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups of frames of every size, framed before or in place, through a small staging buffer, so
 * groups span it and end at every offset within a block; with fsync on, the segment is written with
 * O_DIRECT where the temp directory's file system takes it, and must read back exactly, padding or
 * not.
 */
class ActiveSegmentTest {
  @TempDir Path dir;

  private static final byte[] PAYLOAD = new byte[20_000];

  static {
    new Random(5).nextBytes(PAYLOAD);
  }

  /**
   * A frame of about {@code payloadBytes}: already framed, or a record the segment frames in place
   * (or copies, when it runs past the end of the buffer).
   */
  private static Append append(int payloadBytes, boolean record) {
    byte[] payload = java.util.Arrays.copyOf(PAYLOAD, payloadBytes);
    return record
        ? new Append(
            null, 0, null, BytesValue.of(ByteString.copyFrom(payload)), 1, null, null, null)
        : new Append(null, 0, null, Frames.frame(payload), 1, null, null, null);
  }

  private List<Integer> readBack(Path file) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    try (SegmentCursor c = SegmentCursor.open(file)) {
      for (ByteBuffer p = c.next(); p != null; p = c.next()) {
        sizes.add(p.remaining());
      }
      assertThat(c.hasDamagedTail()).isFalse();
      assertThat(c.corrupt()).isZero();
      assertThat(c.damage()).isEmpty();
    }
    return sizes;
  }

  @Test
  void everyGroupReadsBackWhileWrittenAndAfterClose() throws Exception {
    for (boolean durable : new boolean[] {true, false}) { // forced with O_DIRECT, or neither
      Path sub = Files.createDirectories(dir.resolve(durable ? "forced" : "cached"));
      ActiveSegment segment = ActiveSegment.create(sub, 1, durable, durable);
      ByteBuffer staging = ActiveSegment.staging(3 * ActiveSegment.BLOCK);
      Random random = new Random(7);
      List<Integer> written = new ArrayList<>();
      for (int group = 0; group < 60; group++) {
        List<Append> appends = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          int size = 1 + (random.nextInt(4) == 0 ? random.nextInt(20_000) : random.nextInt(300));
          Append a = append(size, random.nextBoolean());
          appends.add(a);
          written.add(a.bytes() - Frames.HEADER_BYTES);
        }
        segment.write(appends, staging);
        segment.force(Syncer.FSYNC);
        long expected = appends.stream().mapToLong(Append::bytes).sum();
        assertThat(readBack(segment.path)).as("group %d", group).isEqualTo(written);
        assertThat(Files.size(segment.path))
            .as("the file holds every byte written, padded to a block at most")
            .isBetween(segment.bytes(), segment.bytes() + ActiveSegment.BLOCK - 1);
        assertThat(expected).isPositive();
        if (segment.direct()) {
          assertThat(Files.size(segment.path) % ActiveSegment.BLOCK).isZero();
        }
      }
      assertThat(segment.direct() && !durable)
          .as("O_DIRECT only when every group is forced")
          .isFalse();
      SegmentInfo closed = segment.close();
      assertThat(Files.size(segment.path)).isEqualTo(closed.bytes());
      assertThat(readBack(segment.path)).isEqualTo(written);
    }
  }
}
