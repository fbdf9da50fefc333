package io.guestbench.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCursorTest {
  private static final AgentKey KEY = JournalFixture.AGENT;

  private static byte[] frame(long seq) {
    return Frames.frame(
            RecordCodec.encode(KEY, seq, seq, JournalFixture.LABELS, JournalFixture.batch(seq)))
        .array();
  }

  private static byte[] segment(byte[]... frames) {
    ByteBuffer b = ByteBuffer.allocate(List.of(frames).stream().mapToInt(f -> f.length).sum());
    for (byte[] f : frames) {
      b.put(f);
    }
    return b.array();
  }

  private static List<Long> seqs(SegmentCursor cursor) throws Exception {
    List<Long> out = new ArrayList<>();
    for (ByteBuffer p = cursor.next(); p != null; p = cursor.next()) {
      out.add(RecordCodec.head(p).seq());
    }
    return out;
  }

  @Test
  void readsEveryFrameOfAnIntactSegment() throws Exception {
    SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(segment(frame(1), frame(2), frame(3))));
    assertThat(seqs(c)).containsExactly(1L, 2L, 3L);
    assertThat(c.hasDamagedTail()).isFalse();
    assertThat(c.corrupt()).isZero();
  }

  @Test
  void zerosToABlockAlignedEndLessThanABlockAwayArePaddingNotDamage() throws Exception {
    byte[] frames = segment(frame(1), frame(2));
    int block = ActiveSegment.BLOCK;
    int padded = (frames.length / block + 1) * block;
    for (int end : new int[] {padded, padded + block, padded - 1}) {
      byte[] file = java.util.Arrays.copyOf(frames, end);
      SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(file));
      assertThat(seqs(c)).containsExactly(1L, 2L);
      boolean padding = end == padded;
      assertThat(c.hasDamagedTail()).as("end %d", end).isEqualTo(!padding);
      assertThat(c.tailTorn()).as("zeros: torn, not corrupt").isEqualTo(!padding);
    }
  }

  @Test
  void aLastRecordCutAtAnyOffsetIsATornTail() throws Exception {
    byte[] whole = segment(frame(1), frame(2), frame(3));
    int lastStart = whole.length - frame(3).length;
    for (int cut = lastStart; cut < whole.length; cut++) {
      SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(whole, 0, cut).slice());
      assertThat(seqs(c)).as("cut at %d", cut).containsExactly(1L, 2L);
      assertThat(c.validEnd()).as("cut at %d", cut).isEqualTo(lastStart);
      assertThat(c.hasDamagedTail()).as("cut at %d", cut).isEqualTo(cut > lastStart);
      assertThat(c.tailTorn()).as("cut at %d", cut).isEqualTo(cut > lastStart);
      assertThat(c.corrupt()).isZero();
    }
  }

  @Test
  void zerosAfterTheLastRecordAreATornTail() throws Exception {
    byte[] frames = segment(frame(1), frame(2));
    byte[] withZeros = segment(frames, new byte[4096]);
    SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(withZeros));
    assertThat(seqs(c)).containsExactly(1L, 2L);
    assertThat(c.tailTorn()).isTrue();
    assertThat(c.validEnd()).isEqualTo(frames.length);
  }

  @Test
  void anyFlippedBitInAMiddleRecordSkipsOnlyThatRecord() throws Exception {
    byte[] first = frame(1);
    byte[] middle = frame(2);
    byte[] whole = segment(first, middle, frame(3));
    for (int i = first.length; i < first.length + middle.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] damaged = whole.clone();
        damaged[i] ^= (byte) (1 << bit);
        SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(damaged));
        assertThat(seqs(c)).as("byte %d bit %d", i, bit).containsExactly(1L, 3L);
        assertThat(c.corrupt()).as("byte %d bit %d", i, bit).isEqualTo(1);
        assertThat(c.hasDamagedTail()).isFalse();
      }
    }
  }

  @Test
  void aFlippedBitInTheLastRecordIsACorruptNotATornTail() throws Exception {
    byte[] whole = segment(frame(1), frame(2));
    whole[whole.length - 3] ^= 0x10;
    SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(whole));
    assertThat(seqs(c)).containsExactly(1L);
    assertThat(c.hasDamagedTail()).isTrue();
    assertThat(c.tailTorn()).isFalse();
  }

  private static List<Damage> damage(byte[] segment) throws Exception {
    SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(segment));
    seqs(c);
    return c.damage();
  }

  /** Five frames; the offsets where each starts. */
  private static int[] starts(byte[][] frames) {
    int[] starts = new int[frames.length + 1];
    for (int i = 0; i < frames.length; i++) {
      starts[i + 1] = starts[i] + frames[i].length;
    }
    return starts;
  }

  @Test
  void damageInTheMiddleIsOneRegionAtTheDamagedFrameWithItsReason() throws Exception {
    byte[][] frames = {frame(1), frame(2), frame(3), frame(4), frame(5)};
    int[] at = starts(frames);
    record Hit(String where, int offset, int mask, String reason) {}
    List<Hit> hits =
        List.of(
            new Hit("magic", at[2], 0x01, Damage.HEADER),
            new Hit("version", at[2] + 2, 0x04, Damage.HEADER),
            new Hit("length", at[2] + 6, 0x10, Damage.CHECKSUM),
            new Hit("length, high byte", at[2] + 4, 0x40, Damage.CHECKSUM),
            new Hit("checksum", at[2] + 9, 0x80, Damage.CHECKSUM),
            new Hit("payload head", at[2] + 13, 0x02, Damage.CHECKSUM),
            new Hit("payload middle", (at[2] + at[3]) / 2, 0x20, Damage.CHECKSUM),
            new Hit("payload last byte", at[3] - 1, 0x01, Damage.CHECKSUM));
    for (Hit hit : hits) {
      byte[] damaged = segment(frames);
      damaged[hit.offset()] ^= (byte) hit.mask();
      SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(damaged));
      assertThat(seqs(c)).as(hit.where()).containsExactly(1L, 2L, 4L, 5L);
      assertThat(c.damage())
          .as(hit.where())
          .containsExactly(new Damage(at[2], at[3], hit.reason()));
      assertThat(c.hasDamagedTail()).isFalse();
    }
  }

  @Test
  void aZeroedBlockAcrossTwoFramesLosesOnlyThoseTwo() throws Exception {
    byte[][] frames = {frame(1), frame(2), frame(3), frame(4), frame(5)};
    int[] at = starts(frames);
    byte[] damaged = segment(frames);
    java.util.Arrays.fill(damaged, at[2] - 10, at[2] + 40, (byte) 0); // end of 2, start of 3
    SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(damaged));
    assertThat(seqs(c)).containsExactly(1L, 4L, 5L);
    assertThat(c.damage())
        .extracting(Damage::start, Damage::end)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(at[1], at[3]));

    byte[] headerZeroed = segment(frames);
    java.util.Arrays.fill(headerZeroed, at[3], at[3] + 100, (byte) 0); // 4's header and more
    assertThat(damage(headerZeroed)).containsExactly(new Damage(at[3], at[4], Damage.ZEROS));
  }

  /**
   * A batch can carry any bytes (a histogram's encoding): here a whole valid frame of another
   * agent. When the header of the frame that carries it is damaged, reading must resume after the
   * carrier, not at the smuggled frame, or a record nobody stored would appear.
   */
  @Test
  void aFrameSmuggledInsideAPayloadIsNotTakenForARecordWhenItsCarrierIsDamaged() throws Exception {
    byte[] forged =
        Frames.frame(
                RecordCodec.encode(
                    new AgentKey("victim", 1), 99, 1, JournalFixture.LABELS, List.of()))
            .array();
    ProbeResult carrier =
        JournalFixture.batch(2).getFirst().toBuilder()
            .addDistributions(
                Distribution.newBuilder()
                    .setName("iteration_nanos")
                    .setHdrHistogram(ByteString.copyFrom(forged)))
            .build();
    byte[] carrierFrame =
        Frames.frame(RecordCodec.encode(KEY, 2, 2, JournalFixture.LABELS, List.of(carrier)))
            .array();
    byte[][] frames = {frame(1), carrierFrame, frame(3)};
    int[] at = starts(frames);
    for (int offset : new int[] {at[1], at[1] + 1, at[1] + 3, at[1] + 5, at[1] + 8}) {
      byte[] damaged = segment(frames);
      damaged[offset] ^= 0x08;
      SegmentCursor c = new SegmentCursor(ByteBuffer.wrap(damaged));
      assertThat(seqs(c)).as("flip at %d", offset).containsExactly(1L, 3L);
      assertThat(c.damage())
          .as("flip at %d", offset)
          .extracting(Damage::end)
          .containsExactly(at[2]);
    }
  }
}
