package io.guestbench.collector.journal;

import static io.guestbench.collector.journal.JournalFixture.AGENT;
import static io.guestbench.collector.journal.JournalFixture.read;
import static io.guestbench.collector.journal.JournalFixture.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.StoreOutcome;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {
  @TempDir Path dir;

  private List<Path> segments() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".gbj")).sorted().toList();
    }
  }

  @Test
  void keepsFullResultsAndLabelsInOrder() throws Exception {
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 3; seq++) {
      assertThat(store(s, seq)).isEqualTo(StoreOutcome.STORED);
    }
    assertThat(s.highestStored(AGENT)).isEqualTo(3);
    s.stop(Duration.ofSeconds(5));

    List<StoredBatch> batches = read(dir);
    assertThat(batches).extracting(StoredBatch::seq).containsExactly(1L, 2L, 3L);
    StoredBatch first = batches.getFirst();
    assertThat(first.key()).isEqualTo(AGENT);
    assertThat(first.labels()).isEqualTo(JournalFixture.LABELS);
    assertThat(first.results()).isEqualTo(JournalFixture.batch(1));
    assertThat(first.storedTimeUnixNano()).isEqualTo(f.clock.wallNanos());
  }

  @Test
  void aRestartRemembersWhatWasStored() throws Exception {
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 5; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));

    JournalResultStore again = f.start();
    assertThat(again.highestStored(AGENT)).isEqualTo(5);
    assertThat(again.highestStored(new AgentKey("agent-a", 8))).isZero();
    assertThat(store(again, 3)).isEqualTo(StoreOutcome.DUPLICATE);
    assertThat(store(again, 5)).isEqualTo(StoreOutcome.DUPLICATE);
    assertThat(store(again, 6)).isEqualTo(StoreOutcome.STORED);
    assertThat(store(again, new AgentKey("agent-a", 8), 1, "s")).isEqualTo(StoreOutcome.STORED);
    again.stop(Duration.ofSeconds(5));

    assertThat(read(dir)).extracting(StoredBatch::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 1L);
    assertThat(f.counter("guestbench.collector.journal.duplicates")).isEqualTo(2);
  }

  @Test
  void aTornTailIsCutOffOnStartAndCounted() throws Exception {
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start();
    store(s, 1);
    store(s, 2);
    s.stop(Duration.ofSeconds(5));
    Path last = segments().getLast();
    long intact = Files.size(last);
    byte[] half = Frames.frame(new byte[100]).array();
    try (FileChannel ch = FileChannel.open(last, StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap(half, 0, 60)); // a write the crash interrupted
    }

    JournalResultStore again = f.start();
    assertThat(Files.size(last)).isEqualTo(intact);
    assertThat(f.counter("guestbench.collector.journal.torn")).isEqualTo(1);
    assertThat(store(again, 3)).isEqualTo(StoreOutcome.STORED);
    again.stop(Duration.ofSeconds(5));
    try (JournalReader reader = JournalReader.open(dir)) {
      assertThat(reader).extracting(StoredBatch::seq).containsExactly(1L, 2L, 3L);
      assertThat(reader.corrupt()).isZero();
    }
  }

  @Test
  void aCorruptRecordIsSkippedAndCountedNeverFatal() throws Exception {
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 3; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));
    Path seg = segments().getFirst();
    byte[] bytes = Files.readAllBytes(seg);
    bytes[bytes.length / 2] ^= 0x01; // inside the middle record
    Files.write(seg, bytes);

    JournalResultStore again = f.start();
    assertThat(f.counter("guestbench.collector.journal.corrupt")).isEqualTo(1);
    assertThat(again.highestStored(AGENT)).isEqualTo(3);
    again.stop(Duration.ofSeconds(5));
    try (JournalReader reader = JournalReader.open(dir)) {
      assertThat(reader).extracting(StoredBatch::seq).containsExactly(1L, 3L);
      assertThat(reader.corrupt()).isEqualTo(1);
    }
  }

  @Test
  void rotatesSegmentsBySizeAndReadsThemInOrder() throws Exception {
    JournalFixture f = new JournalFixture(dir).with(1024, 1L << 30, 64 << 20);
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 20; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));

    assertThat(segments()).hasSizeGreaterThan(3);
    for (Path p : segments()) {
      assertThat(Files.size(p)).isLessThanOrEqualTo(1024);
    }
    assertThat(read(dir)).extracting(StoredBatch::seq).hasSize(20).isSorted();
  }

  @Test
  void retentionDeletesTheOldestSegmentsBeyondTheSizeBound() throws Exception {
    JournalFixture f = new JournalFixture(dir).with(1024, 3 * 1024, 64 << 20);
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 30; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));

    long total = 0;
    for (Path p : segments()) {
      total += Files.size(p);
    }
    assertThat(total).isLessThanOrEqualTo(3 * 1024);
    List<Long> kept = read(dir).stream().map(StoredBatch::seq).toList();
    assertThat(kept).isNotEmpty().endsWith(30L).doesNotContain(1L);
    assertThat(f.counter("guestbench.collector.journal.retention.deleted.segments")).isPositive();
  }

  @Test
  void retentionDeletesSegmentsOlderThanTheAgeBound() throws Exception {
    JournalFixture f = new JournalFixture(dir).with(1024, 1L << 30, 64 << 20);
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 10; seq++) {
      store(s, seq);
    }
    f.clock.advance(Duration.ofDays(2));
    for (long seq = 11; seq <= 20; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));

    assertThat(read(dir)).extracting(StoredBatch::seq).doesNotContain(1L, 5L).contains(20L);
    assertThat(f.counter("guestbench.collector.journal.retention.deleted.segments")).isPositive();
  }
}
