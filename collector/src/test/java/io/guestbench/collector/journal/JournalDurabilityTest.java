package io.guestbench.collector.journal;

import static io.guestbench.collector.journal.JournalFixture.AGENT;
import static io.guestbench.collector.journal.JournalFixture.LABELS;
import static io.guestbench.collector.journal.JournalFixture.batch;
import static io.guestbench.collector.journal.JournalFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDurabilityTest {
  @TempDir Path dir;

  private static CompletableFuture<StoreOutcome> send(
      JournalResultStore s, long seq, Object stream) {
    return s.store(AGENT, seq, LABELS, batch(seq), stream).toCompletableFuture();
  }

  @Test
  void aBatchCompletesOnlyAfterItsFsyncReturnsAndLaterOnesShareOneFsync() throws Exception {
    HeldSyncer sync = new HeldSyncer();
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start(sync);
    CompletableFuture<StoreOutcome> first = send(s, 1, "a");
    sync.awaitEntered();
    CompletableFuture<StoreOutcome> second = send(s, 2, "a");
    CompletableFuture<StoreOutcome> third = send(s, 3, "a");

    Thread.sleep(100); // the writer would be free to complete them now if it did so too early
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    assertThat(s.highestStored(AGENT)).isZero();

    sync.release(1);
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    assertThat(s.highestStored(AGENT)).isEqualTo(1);
    sync.release(1);
    assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    assertThat(second).isCompletedWithValue(StoreOutcome.STORED);
    assertThat(f.meters.find("guestbench.collector.journal.fsync").timer().count()).isEqualTo(2);
    sync.open();
    s.stop(Duration.ofSeconds(5));
  }

  @Test
  void underLoadTheWriterWaitsForAFullerGroupBeforeForcing() throws Exception {
    HeldSyncer sync = new HeldSyncer();
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start(sync, Duration.ofSeconds(30)); // only a full group ends it
    send(s, 1, "a");
    sync.awaitEntered();
    send(s, 2, "a");
    send(s, 3, "a");
    sync.release(1); // 1 forced; 2 and 3 written as one group, forced next
    Eventually.await("1 stored", Duration.ofSeconds(5), () -> s.highestStored(AGENT) == 1);
    sync.awaitEntered(); // 2 and 3 in their fsync: 4, sent only now, cannot join their group
    send(s, 4, "a");
    sync.release(1); // 2 and 3 forced: the last group held two, so 4 waits for company
    Eventually.await("3 stored", Duration.ofSeconds(5), () -> s.highestStored(AGENT) == 3);

    CompletableFuture<StoreOutcome> last = null;
    for (long seq = 5; seq < 4 + JournalWriter.FULL_GROUP; seq++) {
      last = send(s, seq, "a");
    }
    sync.open();
    assertThat(last.get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    // 1, then 2 and 3, then 4 to 11 together; forcing 4 alone would have made it four.
    assertThat(f.meters.find("guestbench.collector.journal.fsync").timer().count()).isEqualTo(3);
    s.stop(Duration.ofSeconds(5));
  }

  @Test
  void beyondThePendingBoundBatchesAreRefusedAsBusy() throws Exception {
    HeldSyncer sync = new HeldSyncer();
    JournalFixture f = new JournalFixture(dir).with(64 << 20, 1L << 30, 1);
    JournalResultStore s = f.start(sync);
    CompletableFuture<StoreOutcome> first = send(s, 1, "a");

    assertThat(send(s, 2, "a")).isCompletedWithValue(StoreOutcome.BUSY);
    sync.open();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    assertThat(send(s, 2, "a").get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    assertThat(f.counter("guestbench.collector.journal.refused")).isEqualTo(1);
    s.stop(Duration.ofSeconds(5));
  }

  @Test
  void aFailedFsyncRefusesTheGroupAndLaterBatchesOfTheSameStreamUntilItReconnects()
      throws Exception {
    HeldSyncer sync = new HeldSyncer();
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start(sync);
    sync.fail.set(true);
    CompletableFuture<StoreOutcome> first = send(s, 1, "old-stream");
    sync.awaitEntered();
    CompletableFuture<StoreOutcome> second = send(s, 2, "old-stream");
    sync.open();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.FAILED);
    assertThat(s.healthy()).isFalse();
    sync.fail.set(false);
    assertThat(second.get(5, TimeUnit.SECONDS))
        .as("2 after a failed 1 on the same stream would leave a gap")
        .isEqualTo(StoreOutcome.FAILED);
    assertThat(s.highestStored(AGENT)).isZero();

    assertThat(send(s, 1, "new-stream").get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    assertThat(send(s, 2, "new-stream").get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    assertThat(s.healthy()).isTrue();
    s.stop(Duration.ofSeconds(5));
    assertThat(read(dir)).extracting(StoredBatch::seq).containsExactly(1L, 2L);
    assertThat(f.counter("guestbench.collector.journal.write.errors")).isPositive();
  }

  @Test
  void anIdleFailedJournalBecomesReadyAgainToLetTheNextWriteDecide() throws Exception {
    HeldSyncer sync = new HeldSyncer();
    sync.fail.set(true);
    sync.open();
    JournalFixture f = new JournalFixture(dir);
    JournalResultStore s = f.start(sync);
    assertThat(send(s, 1, "a").get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.FAILED);
    assertThat(s.healthy()).isFalse();

    f.clock.advance(JournalWriter.RETRY_AFTER.minusSeconds(1));
    Thread.sleep(1500); // the writer looks after itself once a second
    assertThat(s.healthy()).as("still within the pause").isFalse();
    f.clock.advance(Duration.ofSeconds(2));
    Eventually.await("healthy again", Duration.ofSeconds(5), s::healthy);
    sync.fail.set(false);
    assertThat(send(s, 1, "b").get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
    s.stop(Duration.ofSeconds(5));
  }
}
