package io.guestbench.agent.ship.spool;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SegmentScanTest {
  private static byte[] record(long seq) {
    Batch b =
        Batch.newBuilder()
            .setSeq(seq)
            .addResults(ProbeResult.newBuilder().setRunId("run-" + seq))
            .build();
    return RecordFormat.encode(7, seq, 1000 + seq, b.toByteArray()).array();
  }

  private static byte[] segment(long... seqs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long s : seqs) {
      out.writeBytes(record(s));
    }
    return out.toByteArray();
  }

  private static long[] seqs(SegmentScan.Result r) {
    return r.good().stream().mapToLong(g -> g.header().seq()).toArray();
  }

  @Test
  void readsIntactRecordsWithTheirResultCounts() {
    SegmentScan.Result r = SegmentScan.scan(segment(1, 2, 3));
    assertThat(seqs(r)).containsExactly(1, 2, 3);
    assertThat(r.good()).allSatisfy(g -> assertThat(g.results()).isEqualTo(1));
    assertThat(r.damaged()).isEmpty();
    assertThat(r.tornTail()).isFalse();
  }

  @Test
  void aTornLastRecordAtEveryOffsetIsCutOffAndTheOthersKept() {
    byte[] whole = segment(1, 2, 3);
    int lastStart = whole.length - record(3).length;
    for (int cut = lastStart + 1; cut < whole.length; cut++) {
      SegmentScan.Result r = SegmentScan.scan(Arrays.copyOf(whole, cut));
      assertThat(seqs(r)).as("cut at %d", cut).containsExactly(1, 2);
      assertThat(r.validLength()).isEqualTo(lastStart);
      assertThat(r.tornTail()).isTrue();
      assertThat(r.damaged()).isEmpty();
    }
  }

  @Test
  void aBitFlipAnywhereInAMiddleRecordLosesOnlyThatRecord() {
    byte[] whole = segment(1, 2, 3);
    int start = record(1).length;
    int end = start + record(2).length;
    for (int at = start; at < end; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bytes = whole.clone();
        bytes[at] ^= (byte) (1 << bit);
        SegmentScan.Result r = SegmentScan.scan(bytes);
        assertThat(seqs(r)).as("flip at %d bit %d", at, bit).containsExactly(1, 3);
        assertThat(r.damaged()).hasSize(1);
        assertThat(r.damaged().getFirst().offset()).isEqualTo(start);
        assertThat(r.damaged().getFirst().length()).isEqualTo(end - start);
        assertThat(r.validLength()).isEqualTo(whole.length);
      }
    }
  }

  @Test
  void aBitFlipInTheLastCompleteRecordIsDamageNotATornTail() {
    byte[] bytes = segment(1, 2);
    bytes[bytes.length - 3] ^= 0x10;
    SegmentScan.Result r = SegmentScan.scan(bytes);
    assertThat(seqs(r)).containsExactly(1);
    assertThat(r.damaged()).extracting(SegmentScan.Damage::reason).containsExactly("bad_checksum");
    assertThat(r.tornTail()).isFalse();
    assertThat(r.validLength()).isEqualTo(record(1).length);
  }

  @Test
  void zerosAfterTheLastRecordAreATornTail() {
    byte[] good = segment(1);
    byte[] bytes = Arrays.copyOf(good, good.length + 4096);
    SegmentScan.Result r = SegmentScan.scan(bytes);
    assertThat(seqs(r)).containsExactly(1);
    assertThat(r.tornTail()).isTrue();
    assertThat(r.damaged()).isEmpty();
  }

  @Test
  void garbageBetweenRecordsIsSkippedByResynchronizing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(record(1));
    out.writeBytes("GB not a record at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(record(2));
    SegmentScan.Result r = SegmentScan.scan(out.toByteArray());
    assertThat(seqs(r)).containsExactly(1, 2);
    assertThat(r.damaged()).extracting(SegmentScan.Damage::reason).containsExactly("bad_header");
  }
}
