package io.guestbench.agent.ship.spool;

import static io.guestbench.agent.ship.spool.SpoolFixture.results;
import static io.guestbench.agent.ship.spool.SpoolTest.assertConserved;
import static io.guestbench.agent.ship.spool.SpoolTest.heldSeqs;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.agent.ship.SpoolHealth;
import io.guestbench.proto.v1.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool under torn writes, bit flips, lost fsyncs and a full disk. */
class SpoolFaultTest {
  @TempDir Path root;

  private static Path onlySegment(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segs = files.filter(p -> p.toString().endsWith(".seg")).toList();
      assertThat(segs).hasSize(1);
      return segs.getFirst();
    }
  }

  private static long damageCounted(SpoolHealth h) {
    return h.tornTails() + h.quarantinedByReason().values().stream().mapToLong(v -> v).sum();
  }

  @Test
  void aWriteTornAtEveryOffsetOfTheLastRecordLosesOnlyThatRecord() throws Exception {
    int length = -1;
    for (int keep = 0; length < 0 || keep <= length; keep++) {
      SpoolFixture f = new SpoolFixture(root.resolve("k" + keep));
      Spool spool = f.open();
      spool.append(results("a", 1));
      spool.append(results("b", 1));
      Path seg = onlySegment(f.dir());
      long before = Files.size(seg);
      f.storage.loseFsyncs = true; // the last write never became durable: power went mid-write
      spool.append(results("c", 1));
      length = (int) (Files.size(seg) - before);

      Spool after = f.powerLossAndReopen(seg, keep);
      List<Long> expected = keep == length ? List.of(1L, 2L, 3L) : List.of(1L, 2L);
      assertThat(heldSeqs(after)).as("keep %d of %d", keep, length).isEqualTo(expected);
      SpoolHealth h = after.stats().spool();
      assertThat(h.tornTails()).isEqualTo(keep > 0 && keep < length ? 1 : 0);
      assertThat(h.quarantinedByReason()).isEmpty();
      assertThat(Files.size(seg)).isEqualTo(keep == length ? before + length : before);
      assertThat(after.append(results("d", 1))).isGreaterThan(3);
      f.close();
    }
  }

  @Test
  void aBitFlipAnywhereInASegmentLosesAtMostTheRecordItHit() throws Exception {
    SpoolFixture f = new SpoolFixture(root);
    Spool spool = f.open();
    for (String run : List.of("a", "b", "c")) {
      spool.append(results(run, 2));
    }
    Path seg = onlySegment(f.dir());
    byte[] original = Files.readAllBytes(seg);
    int recordBytes = original.length / 3;
    for (int at = 0; at < original.length; at++) {
      byte[] flipped = original.clone();
      flipped[at] ^= (byte) (1 << (at % 8));
      Files.write(seg, flipped);
      Spool after = f.crashAndReopen();
      long hit = at / recordBytes + 1;
      List<Long> expected = Stream.of(1L, 2L, 3L).filter(s -> s != hit).toList();
      assertThat(heldSeqs(after)).as("flip at byte %d", at).isEqualTo(expected);
      assertThat(damageCounted(after.stats().spool())).as("flip at byte %d", at).isEqualTo(1);
      Files.write(seg, original);
    }
  }

  @Test
  void lostFsyncsLoseOnlyTheUnsyncedTailAndNeverReuseAKey() throws Exception {
    SpoolFixture f = new SpoolFixture(root);
    Spool spool = f.open();
    long epoch = spool.epoch();
    spool.append(results("a", 1));
    spool.append(results("b", 1));
    f.storage.loseFsyncs = true;
    spool.append(results("c", 1));
    spool.append(results("d", 1));
    Path seg = onlySegment(f.dir());

    Spool after = f.powerLossAndReopen(seg, 0);
    assertThat(heldSeqs(after)).containsExactly(1L, 2L);
    assertThat(after.next(0).map(Batch::getResultsList).orElseThrow().getFirst().getRunId())
        .isEqualTo("a");
    assertThat(after.epoch()).isEqualTo(epoch);
    assertThat(after.append(results("e", 1))).isGreaterThan(4);
  }

  @Test
  void withAnFsyncIntervalOnlyWhatTheTickSyncedSurvivesAPowerLoss() throws Exception {
    SpoolFixture f = new SpoolFixture(root);
    f.fsyncInterval = java.time.Duration.ofMillis(200);
    Spool spool = f.open();
    spool.append(results("a", 1));
    spool.append(results("b", 1));
    long before = f.storage.fsyncs;
    spool.tick(); // the interval's fsync
    assertThat(f.storage.fsyncs).isEqualTo(before + 1);
    spool.append(results("c", 1));
    Path seg = onlySegment(f.dir());

    Spool after = f.powerLossAndReopen(seg, 0);
    assertThat(heldSeqs(after)).containsExactly(1L, 2L);
    assertThat(after.append(results("d", 1))).isGreaterThan(3);
  }

  @Test
  void whenNothingWasEverDurableTheSpoolStartsAFreshEpoch() throws Exception {
    SpoolFixture f = new SpoolFixture(root);
    f.storage.loseFsyncs = true;
    Spool spool = f.open();
    long epoch = spool.epoch();
    spool.append(results("a", 1));
    f.clock.advance(java.time.Duration.ofSeconds(1));
    f.storage.loseFsyncs = false;

    Spool after = f.powerLossAndReopen(null, 0);
    assertThat(heldSeqs(after)).isEmpty();
    assertThat(after.epoch()).isNotEqualTo(epoch);
  }

  @Test
  void aFullDiskDegradesToMemoryAndTheBatchesReachTheDiskWhenItRecovers() throws Exception {
    SpoolFixture f = new SpoolFixture(root);
    Spool spool = f.open();
    spool.append(results("a", 1));
    f.storage.full = true;
    spool.append(results("b", 1));
    spool.append(results("c", 1));
    OutboxStats s = spool.stats();
    assertThat(s.spool().degraded()).isTrue();
    assertThat(s.spool().memoryBatches()).isEqualTo(2);
    assertThat(heldSeqs(spool)).containsExactly(1L, 2L, 3L);
    assertConserved(s);

    f.clock.advance(Spool.RETRY);
    spool.tick(); // still full: stays degraded, nothing lost
    assertThat(spool.stats().spool().degraded()).isTrue();
    f.storage.full = false;
    f.clock.advance(Spool.RETRY);
    spool.tick();
    assertThat(spool.stats().spool().degraded()).isFalse();
    assertThat(spool.stats().spool().memoryBatches()).isZero();
    spool.append(results("d", 1));

    Spool after = f.crashAndReopen();
    assertThat(heldSeqs(after)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(damageCounted(after.stats().spool())).isZero();
  }

  @Test
  void theMemoryBufferIsBoundedWhileDegradedAndItsDropsAreCounted() throws Exception {
    SpoolFixture f = new SpoolFixture(root);
    f.memoryBytes = 200;
    Spool spool = f.open();
    f.storage.full = true;
    for (int i = 0; i < 20; i++) {
      spool.append(results("run-" + i, 2));
    }
    OutboxStats s = spool.stats();
    assertThat(s.spool().degraded()).isTrue();
    assertThat(s.heldBytes()).isLessThanOrEqualTo(200);
    assertThat(s.droppedBatchesByReason()).containsKey(Spool.BUFFER_FULL);
    assertThat(heldSeqs(spool)).last().isEqualTo(20L);
    assertConserved(s);
  }

  @Test
  void aFullDiskAtStartDoesNotStopTheAgent() throws Exception {
    SpoolFixture f = new SpoolFixture(root);
    f.storage.full = true;
    Spool spool = f.open();
    long epoch = spool.epoch();
    assertThat(spool.append(results("a", 1))).isEqualTo(1);
    assertThat(spool.stats().spool().degraded()).isTrue();
    f.storage.full = false;
    f.clock.advance(Spool.RETRY);
    spool.tick();
    spool.stop(java.time.Duration.ofSeconds(1));
    Spool after = f.open();
    assertThat(heldSeqs(after)).containsExactly(1L);
    assertThat(after.epoch()).isEqualTo(epoch);
  }
}
