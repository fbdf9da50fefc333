package io.guestbench.collector.journal;

import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.metrics.TestResults;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Journal append throughput and store-to-durable latency, without gRPC: {@code streams} producers
 * each keep up to 16 batches in flight (the agent's default window), like agents would. Run it
 * alone, under /work/bin/quiet: {@code -Dtest=JournalAppendBench -Djournal.bench=/var/tmp/jb}.
 * Prints figures, asserts nothing.
 */
@EnabledIfSystemProperty(named = "journal.bench", matches = ".+")
class JournalAppendBench {
  private static final int STREAMS = 1000;
  private static final int WINDOW = 16;
  private static final int RESULTS_PER_BATCH = 20;

  @Test
  void appendThroughput() throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("journal.bench")));
    Clock clock = Clock.system();
    JournalConfig config =
        new JournalConfig(dir, 64 << 20, 1L << 30, Duration.ofDays(1), true, 256 << 20);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    JournalResultStore store =
        new JournalResultStore(
            config, new ResultMetrics(new PrometheusRegistry(), clock), meters, clock);
    store.start();
    List<ProbeResult> batch = new ArrayList<>();
    for (int i = 0; i < RESULTS_PER_BATCH; i++) {
      batch.add(TestResults.compute("int", 1e9, 1000, 2000, 3000).setRunId("r" + i).build());
    }
    ConcurrentHistogram latency = new ConcurrentHistogram(3);
    AtomicLong stored = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long measureNanos = Duration.ofSeconds(Long.getLong("journal.bench.seconds", 20)).toNanos();
    long warmupEnd = clock.monotonicNanos() + Duration.ofSeconds(5).toNanos();
    long end = warmupEnd + measureNanos;
    List<Thread> producers = new ArrayList<>();
    for (int s = 0; s < STREAMS; s++) {
      AgentKey key = new AgentKey("bench-" + s, 1);
      AgentLabels labels = new AgentLabels(key.agentId(), "xen-hvm", "m5.large", "bench");
      producers.add(
          Thread.ofVirtual()
              .start(
                  () ->
                      produce(
                          store, key, labels, batch, clock, warmupEnd, end, latency, stored,
                          refused)));
    }
    for (Thread t : producers) {
      t.join();
    }
    store.stop(Duration.ofSeconds(30));
    double seconds = measureNanos / 1e9;
    System.out.printf(
        "journal append bench: %d streams x window %d, %d results/batch (%d bytes/batch framed),"
            + " fsync on, %s%n",
        STREAMS, WINDOW, RESULTS_PER_BATCH, framedBytes(batch), dir);
    System.out.printf(
        "  %.0f batches/s, %.0f results/s over %.0f s; refused busy: %d%n",
        stored.get() / seconds, stored.get() * RESULTS_PER_BATCH / seconds, seconds, refused.get());
    System.out.printf(
        "  store->durable latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f (n=%d)%n",
        latency.getValueAtPercentile(50) / 1e6,
        latency.getValueAtPercentile(99) / 1e6,
        latency.getValueAtPercentile(99.9) / 1e6,
        latency.getMaxValue() / 1e6,
        latency.getTotalCount());
    var fsync = meters.find("guestbench.collector.journal.fsync").timer();
    var group = meters.find("guestbench.collector.journal.group.records").summary();
    System.out.printf(
        "  whole run: %d fsyncs, mean %.2f ms, max %.2f ms; %.1f records per group%n",
        fsync.count(),
        fsync.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
        fsync.max(java.util.concurrent.TimeUnit.MILLISECONDS),
        group.mean());
  }

  private static void produce(
      JournalResultStore store,
      AgentKey key,
      AgentLabels labels,
      List<ProbeResult> batch,
      Clock clock,
      long warmupEnd,
      long end,
      ConcurrentHistogram latency,
      AtomicLong stored,
      AtomicLong refused) {
    Semaphore window = new Semaphore(WINDOW);
    long seq = 0;
    while (clock.monotonicNanos() < end) {
      window.acquireUninterruptibly();
      long start = clock.monotonicNanos();
      store
          .store(key, ++seq, labels, batch, key)
          .whenComplete(
              (outcome, error) -> {
                window.release();
                if (start < warmupEnd || clock.monotonicNanos() > end) {
                  return;
                }
                if (outcome == StoreOutcome.STORED) {
                  stored.incrementAndGet();
                  latency.recordValue(clock.monotonicNanos() - start);
                } else {
                  refused.incrementAndGet();
                }
              });
    }
    window.acquireUninterruptibly(WINDOW);
  }

  private static int framedBytes(List<ProbeResult> batch) {
    AgentKey key = new AgentKey("bench-1", 1);
    return Frames.frame(
            RecordCodec.encode(
                key, 1, 1, new AgentLabels("bench-1", "xen-hvm", "m5.large", "bench"), batch))
        .limit();
  }
}
