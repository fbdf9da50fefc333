package io.guestbench.collector.journal;

import static io.guestbench.collector.journal.JournalFixture.AGENT;
import static io.guestbench.collector.journal.JournalFixture.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.ingest.StoreOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damage in the middle of a segment, found by a real start of the journal. */
class JournalDamageTest {
  @TempDir Path dir;

  private List<Path> files(String sub, String glob) throws Exception {
    Path in = dir.resolve(sub);
    if (!Files.isDirectory(in)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(in)) {
      return files.filter(p -> p.getFileName().toString().matches(glob)).sorted().toList();
    }
  }

  /** Five batches in one segment; returns where each frame starts (and where the last ends). */
  private int[] fiveBatches(JournalFixture f) throws Exception {
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 5; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));
    byte[] bytes = Files.readAllBytes(files("", ".*\\.gbj").getFirst());
    int[] starts = new int[6];
    int n = 0;
    for (SegmentCursor c = new SegmentCursor(java.nio.ByteBuffer.wrap(bytes)); c.next() != null; ) {
      starts[n++] = c.frameStart();
      starts[n] = c.frameEnd();
    }
    assertThat(n).isEqualTo(5);
    return starts;
  }

  private Path segment() throws Exception {
    return files("", ".*\\.gbj").getFirst();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "magic of the third frame, 0, 0x01, header",
    "length of the third frame, 6, 0x08, checksum",
    "checksum of the third frame, 10, 0x40, checksum",
    "payload of the third frame, 40, 0x04, checksum",
    "last payload byte of the third frame, -1, 0x80, checksum"
  })
  void aFlipInTheMiddleIsQuarantinedCountedAndTheRestKept(
      String where, int offset, String mask, String reason) throws Exception {
    JournalFixture f = new JournalFixture(dir);
    int[] at = fiveBatches(f);
    Path seg = segment();
    byte[] bytes = Files.readAllBytes(seg);
    byte[] original = Arrays.copyOfRange(bytes, at[2], at[3]);
    int pos = offset < 0 ? at[3] + offset : at[2] + offset;
    bytes[pos] ^= (byte) Integer.decode(mask).intValue();
    Files.write(seg, bytes);

    JournalResultStore again = f.start();
    assertThat(again.highestStored(AGENT)).isEqualTo(5);
    assertThat(f.counter("guestbench.collector.journal.corrupt")).isEqualTo(1);
    assertThat(
            f.meters
                .get("guestbench.collector.journal.damaged")
                .tag("reason", reason)
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            f.meters
                .get("guestbench.collector.journal.damaged.bytes")
                .tag("reason", reason)
                .counter()
                .count())
        .isEqualTo(at[3] - at[2]);
    String name = seg.getFileName() + "." + at[2] + "-" + at[3] + ".damaged";
    assertThat(files("quarantine", ".*"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(name);
    byte[] kept = Files.readAllBytes(dir.resolve("quarantine").resolve(name));
    assertThat(kept).hasSize(original.length).isNotEqualTo(original);
    kept[pos - at[2]] ^= (byte) Integer.decode(mask).intValue();
    assertThat(kept).as("the damaged bytes, as they were found").isEqualTo(original);
    assertThat(Files.size(seg)).as("the segment is left as it is").isEqualTo(bytes.length);

    assertThat(store(again, 6)).isEqualTo(StoreOutcome.STORED);
    again.stop(Duration.ofSeconds(5));
    try (JournalReader reader = JournalReader.open(dir)) {
      assertThat(reader).extracting(StoredBatch::seq).containsExactly(1L, 2L, 4L, 5L, 6L);
      assertThat(reader.corrupt()).isEqualTo(1);
    }

    f.start().stop(Duration.ofSeconds(5)); // a second start finds it again, copies it once
    assertThat(files("quarantine", ".*")).hasSize(1);
  }

  @Test
  void aZeroedBlockAcrossTwoRecordsOfAnOlderSegmentIsQuarantinedAndTheNewestStillAppends()
      throws Exception {
    JournalFixture f = new JournalFixture(dir);
    int[] at = fiveBatches(f);
    Path seg = segment();
    byte[] bytes = Files.readAllBytes(seg);
    Arrays.fill(bytes, at[1] + 20, at[2] + 30, (byte) 0);
    Files.write(seg, bytes);
    JournalFixture small = new JournalFixture(dir).with(1 << 20, 1L << 30, 64 << 20);

    JournalResultStore again = small.start();
    assertThat(again.highestStored(AGENT)).isEqualTo(5);
    assertThat(store(again, 6)).isEqualTo(StoreOutcome.STORED);
    again.stop(Duration.ofSeconds(5));

    assertThat(files("quarantine", ".*"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(seg.getFileName() + "." + at[1] + "-" + at[3] + ".damaged");
    assertThat(small.counter("guestbench.collector.journal.damaged")).isEqualTo(1);
    assertThat(JournalFixture.read(dir))
        .extracting(StoredBatch::seq)
        .containsExactly(1L, 4L, 5L, 6L);
  }

  @Test
  void aDamagedTailOfAnOlderSegmentIsQuarantinedButNotCut() throws Exception {
    JournalFixture f = new JournalFixture(dir).with(1024, 1L << 30, 64 << 20);
    JournalResultStore s = f.start();
    for (long seq = 1; seq <= 10; seq++) {
      store(s, seq);
    }
    s.stop(Duration.ofSeconds(5));
    Path first = files("", ".*\\.gbj").getFirst();
    byte[] bytes = Files.readAllBytes(first);
    bytes[bytes.length - 2] ^= 0x10;
    Files.write(first, bytes);

    JournalResultStore again = f.start();
    again.stop(Duration.ofSeconds(5));
    assertThat(Files.size(first)).isEqualTo(bytes.length);
    assertThat(
            f.meters
                .get("guestbench.collector.journal.damaged")
                .tag("reason", "tail")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(files("quarantine", ".*"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getFileName().toString())
                    .startsWith(first.getFileName() + ".")
                    .endsWith("-" + bytes.length + ".damaged"));
  }

  @Test
  void whenTheCopyCannotBeMadeTheDamageIsStillSkippedAndCounted() throws Exception {
    JournalFixture f = new JournalFixture(dir);
    int[] at = fiveBatches(f);
    Path seg = segment();
    byte[] bytes = Files.readAllBytes(seg);
    bytes[at[1] + 1] ^= 0x01;
    Files.write(seg, bytes);
    Files.writeString(dir.resolve("quarantine"), "a file where the directory should be");

    JournalResultStore again = f.start();
    assertThat(again.highestStored(AGENT)).isEqualTo(5);
    assertThat(f.counter("guestbench.collector.journal.damaged")).isEqualTo(1);
    again.stop(Duration.ofSeconds(5));
    assertThat(JournalFixture.read(dir))
        .extracting(StoredBatch::seq)
        .containsExactly(1L, 3L, 4L, 5L);
  }
}
