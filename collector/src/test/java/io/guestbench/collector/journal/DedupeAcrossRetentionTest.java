package io.guestbench.collector.journal;

import static io.guestbench.collector.journal.JournalFixture.AGENT;
import static io.guestbench.collector.journal.JournalFixture.read;
import static io.guestbench.collector.journal.JournalFixture.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.StoreOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes old segments; the dedupe keys that lived only there must survive restarts. */
class DedupeAcrossRetentionTest {
  private static final AgentKey EARLY = new AgentKey("agent-early", 1);
  @TempDir Path dir;

  /** Small segments, room for three: the early agent's batches go with the first segments. */
  private JournalFixture fixture(Duration horizon) {
    JournalFixture f = new JournalFixture(dir);
    JournalConfig c = f.with(1024, 3 * 1024, 64 << 20).config;
    f.config =
        new JournalConfig(
            dir, c.segmentBytes(), c.retainBytes(), c.retainAge(), true, 64 << 20, horizon, true);
    return f;
  }

  private JournalResultStore storeEarlyThenFill(JournalFixture f) throws Exception {
    JournalResultStore s = f.start();
    assertThat(store(s, EARLY, 1, "early")).isEqualTo(StoreOutcome.STORED);
    assertThat(store(s, EARLY, 2, "early")).isEqualTo(StoreOutcome.STORED);
    for (long seq = 1; seq <= 30; seq++) {
      store(s, seq);
    }
    return s;
  }

  private long segments() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".gbj")).count();
    }
  }

  @Test
  void aBatchResentAfterRetentionAndARestartIsADuplicate() throws Exception {
    JournalFixture f = fixture(JournalConfig.DEFAULT_DEDUPE_HORIZON);
    storeEarlyThenFill(f).stop(Duration.ofSeconds(5));
    assertThat(f.counter("guestbench.collector.journal.retention.deleted.segments")).isPositive();
    assertThat(read(dir))
        .as("the early agent's segments are gone")
        .noneMatch(b -> b.key().equals(EARLY));

    JournalResultStore again = f.start();
    assertThat(again.highestStored(EARLY)).isEqualTo(2);
    assertThat(again.highestStored(AGENT)).isEqualTo(30);
    assertThat(store(again, EARLY, 2, "early-again")).isEqualTo(StoreOutcome.DUPLICATE);
    assertThat(store(again, EARLY, 1, "early-again")).isEqualTo(StoreOutcome.DUPLICATE);
    assertThat(store(again, EARLY, 3, "early-again")).isEqualTo(StoreOutcome.STORED);
    again.stop(Duration.ofSeconds(5));
    assertThat(read(dir))
        .filteredOn(b -> b.key().equals(EARLY))
        .extracting(StoredBatch::seq)
        .containsExactly(3L);
    assertThat(Files.exists(dir.resolve(DedupeCheckpoint.FILE))).isTrue();
    assertThat(Files.exists(dir.resolve(DedupeCheckpoint.FILE + ".tmp"))).isFalse();
  }

  @Test
  void anEpochIdleLongerThanTheHorizonIsLeftOutOfTheCheckpoint() throws Exception {
    JournalFixture f = fixture(Duration.ofHours(1));
    JournalResultStore s = f.start();
    store(s, EARLY, 1, "early");
    f.clock.advance(Duration.ofHours(2));
    for (long seq = 1; seq <= 30; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));

    JournalResultStore again = f.start();
    assertThat(again.highestStored(EARLY)).as("idle past the horizon, its segment gone").isZero();
    assertThat(again.highestStored(AGENT)).isEqualTo(30);
    again.stop(Duration.ofSeconds(5));
  }

  @Test
  void whileTheCheckpointCannotBeWrittenRetentionDeletesNothing() throws Exception {
    Files.createDirectories(dir.resolve(DedupeCheckpoint.FILE + ".tmp")); // not a file: cannot open
    JournalFixture f = fixture(JournalConfig.DEFAULT_DEDUPE_HORIZON);
    storeEarlyThenFill(f).stop(Duration.ofSeconds(5));

    assertThat(f.counter("guestbench.collector.journal.retention.deleted.segments")).isZero();
    assertThat(f.counter("guestbench.collector.journal.checkpoint.failures")).isPositive();
    assertThat(segments()).isGreaterThan(3);
    assertThat(read(dir)).filteredOn(b -> b.key().equals(EARLY)).hasSize(2);
  }

  @Test
  void aDamagedCheckpointIsQuarantinedCountedAndNeverFatal() throws Exception {
    JournalFixture f = fixture(JournalConfig.DEFAULT_DEDUPE_HORIZON);
    storeEarlyThenFill(f).stop(Duration.ofSeconds(5));
    Path ckpt = dir.resolve(DedupeCheckpoint.FILE);
    byte[] bytes = Files.readAllBytes(ckpt);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(ckpt, bytes);

    JournalResultStore again = f.start();
    assertThat(again.highestStored(AGENT)).as("the segments still tell").isEqualTo(30);
    assertThat(again.highestStored(EARLY)).as("only the checkpoint knew").isZero();
    assertThat(f.counter("guestbench.collector.journal.checkpoint.failures")).isEqualTo(1);
    try (Stream<Path> q = Files.list(dir.resolve("quarantine"))) {
      assertThat(q)
          .singleElement()
          .satisfies(p -> assertThat(p.getFileName().toString()).startsWith("dedupe.ckpt."));
    }
    again.stop(Duration.ofSeconds(5));
  }

  @Test
  void anUnreadableCheckpointIsCountedAndNeverFatal() throws Exception {
    Files.createDirectories(dir.resolve(DedupeCheckpoint.FILE)); // cannot be read as a file
    JournalFixture f = fixture(JournalConfig.DEFAULT_DEDUPE_HORIZON);
    JournalResultStore s = f.start();
    assertThat(f.counter("guestbench.collector.journal.checkpoint.failures")).isEqualTo(1);
    assertThat(store(s, 1)).isEqualTo(StoreOutcome.STORED);
    s.stop(Duration.ofSeconds(5));
  }
}
