package io.guestbench.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.ingest.AgentKey;
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
}
