package io.guestbench.agent.ship.spool;

import static io.guestbench.agent.ship.spool.SpoolFixture.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.proto.v1.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir Path root;
  SpoolFixture f;

  SpoolFixture fixture() {
    f = new SpoolFixture(root);
    return f;
  }

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  static List<Long> heldSeqs(Spool spool) {
    List<Long> seqs = new ArrayList<>();
    long after = 0;
    for (var b = spool.next(after); b.isPresent(); b = spool.next(after)) {
      seqs.add(b.get().getSeq());
      after = b.get().getSeq();
    }
    return seqs;
  }

  static void assertConserved(OutboxStats s) {
    assertThat(s.producedResults() + s.recoveredResults())
        .isEqualTo(
            s.acknowledgedResults() + s.droppedResults() + s.rejectedResults() + s.heldResults());
  }

  private long segmentFiles() throws Exception {
    try (Stream<Path> files = Files.list(f.dir())) {
      return files.filter(p -> p.toString().endsWith(".seg")).count();
    }
  }

  @Test
  void numbersFromOneReadsBackLazilyAndReleasesOnCumulativeAck() throws Exception {
    Spool spool = fixture().open();
    assertThat(spool.append(results("a", 2))).isEqualTo(1);
    assertThat(spool.append(results("b", 1))).isEqualTo(2);
    assertThat(spool.append(results("c", 1))).isEqualTo(3);
    Batch second = spool.next(1).orElseThrow();
    assertThat(second.getSeq()).isEqualTo(2);
    assertThat(second.getResults(0).getRunId()).isEqualTo("b");
    spool.acknowledge(2);
    assertThat(spool.firstUnacked()).isEqualTo(3);
    OutboxStats s = spool.stats();
    assertThat(s.acknowledgedResults()).isEqualTo(3);
    assertThat(s.heldBatches()).isEqualTo(1);
    assertThat(s.spool().enabled()).isTrue();
    assertThat(s.spool().fsyncs()).isGreaterThanOrEqualTo(3);
    assertConserved(s);
  }

  @Test
  void aRestartKeepsTheEpochTheUnackedBatchesAndContinuesTheNumbering() throws Exception {
    Spool first = fixture().open();
    long epoch = first.epoch();
    String firstRuns = first.runPrefix();
    first.append(results("a", 1));
    first.append(results("b", 1));
    first.append(results("c", 1));
    first.acknowledge(1);
    first.stop(Duration.ofSeconds(1));

    f.clock.advance(Duration.ofMinutes(1));
    Spool second = f.open();
    assertThat(second.epoch()).isEqualTo(epoch);
    assertThat(heldSeqs(second)).containsExactly(2L, 3L);
    assertThat(second.stats().recoveredResults()).isEqualTo(2);
    assertThat(second.append(results("d", 1))).isEqualTo(4);
    assertThat(second.runPrefix()).isNotEqualTo(firstRuns);
    assertConserved(second.stats());
  }

  @Test
  void afterACrashNumberingResumesAboveTheReservationSoNoSeqIsReused() throws Exception {
    Spool first = fixture().open();
    first.append(results("a", 1));
    first.append(results("b", 1));
    Spool second = f.crashAndReopen();
    assertThat(heldSeqs(second)).containsExactly(1L, 2L);
    long next = second.append(results("c", 1));
    assertThat(next).isGreaterThan(Numbering.RESERVE);
    assertThat(second.epoch()).isEqualTo(first.epoch());
  }

  @Test
  void segmentsGoOnlyWhenEverythingInThemIsAcknowledged() throws Exception {
    SpoolFixture fx = fixture();
    fx.segmentBytes = 300;
    Spool spool = fx.open();
    for (int i = 0; i < 10; i++) {
      spool.append(results("run-" + i, 3));
    }
    long before = segmentFiles();
    assertThat(before).isGreaterThan(2);
    spool.acknowledge(1);
    assertThat(segmentFiles()).isEqualTo(before);
    spool.acknowledge(10);
    assertThat(segmentFiles()).isEqualTo(1); // the active one stays open for appends
    assertThat(spool.firstUnacked()).isZero();
  }

  @Test
  void theByteCapDropsTheOldestAndCountsThem() throws Exception {
    SpoolFixture fx = fixture();
    fx.maxBytes = 400;
    Spool spool = fx.open();
    for (int i = 0; i < 10; i++) {
      spool.append(results("run-" + i, 2));
    }
    OutboxStats s = spool.stats();
    assertThat(s.heldBytes()).isLessThanOrEqualTo(400);
    assertThat(s.droppedBatchesByReason()).containsKey(Spool.BYTES_CAP);
    assertThat(heldSeqs(spool)).last().isEqualTo(10L);
    assertConserved(s);
  }

  @Test
  void theAgeCapDropsBatchesOlderThanMaxAge() throws Exception {
    SpoolFixture fx = fixture();
    fx.maxAge = Duration.ofHours(1);
    Spool spool = fx.open();
    spool.append(results("old", 2));
    fx.clock.advance(Duration.ofMinutes(50));
    spool.append(results("newer", 1));
    fx.clock.advance(Duration.ofMinutes(20));
    spool.tick();
    assertThat(heldSeqs(spool)).containsExactly(2L);
    assertThat(spool.stats().droppedResultsByReason()).containsEntry(Spool.AGE_CAP, 2L);
    assertConserved(spool.stats());
  }

  @Test
  void aRejectedBatchIsCountedUnderTheCollectorsReason() throws Exception {
    Spool spool = fixture().open();
    spool.append(results("a", 1));
    spool.append(results("b", 2));
    spool.reject(2, "invalid_result");
    assertThat(heldSeqs(spool)).containsExactly(1L);
    assertThat(spool.stats().rejectedResultsByReason()).containsEntry("invalid_result", 2L);
    assertConserved(spool.stats());
  }

  @Test
  void aWelcomeBeyondTheLastSeqMovesNumberingPastIt() throws Exception {
    Spool spool = fixture().open();
    spool.append(results("a", 1));
    spool.acknowledge(50);
    assertThat(spool.append(results("b", 1))).isEqualTo(51);
  }

  @Test
  void aSecondProcessCannotOpenTheSameDirectory() throws Exception {
    fixture().open();
    assertThatThrownBy(() -> f.open())
        .hasMessageContaining("spool.dir")
        .hasMessageContaining("in use by another agent process");
  }

  @Test
  void aRecordDamagedAfterStartIsQuarantinedAndDroppedWhenRead() throws Exception {
    Spool spool = fixture().open();
    spool.append(results("a", 1));
    spool.append(results("b", 1));
    Path seg;
    try (Stream<Path> files = Files.list(f.dir())) {
      seg = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(seg);
    bytes[RecordFormat.HEADER_BYTES + 3] ^= 0x01; // inside record 1's payload
    Files.write(seg, bytes);
    assertThat(spool.next(0).orElseThrow().getSeq()).isEqualTo(2);
    assertThat(spool.stats().droppedResultsByReason()).containsEntry(Spool.CORRUPT, 1L);
    assertThat(spool.stats().spool().quarantinedByReason()).containsEntry("bad_checksum", 1L);
    assertThat(Files.list(f.dir().resolve("quarantine")).count()).isEqualTo(1);
    assertConserved(spool.stats());
  }
}
