package io.guestbench.collector.journal;

import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.IngestCounters;
import io.guestbench.collector.ingest.IngestLimits;
import io.guestbench.collector.ingest.IngestService;
import io.guestbench.collector.ingest.SessionRegistry;
import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.metrics.TestResults;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A journal in a temp directory with a hand-driven clock, and batches to put in it. */
final class JournalFixture {
  static final AgentKey AGENT = new AgentKey("agent-a", 7);
  static final AgentLabels LABELS = new AgentLabels("agent-a", "xen-pv", "m3.medium", "exp-1");
  final ManualClock clock = new ManualClock(1_750_000_000_000_000_000L);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final ResultMetrics results = new ResultMetrics(new PrometheusRegistry(), clock);
  final Path dir;
  JournalConfig config;

  JournalFixture(Path dir) {
    this.dir = dir;
    this.config = new JournalConfig(dir, 64 << 20, 1L << 30, Duration.ofDays(1), true, 64 << 20);
  }

  JournalFixture with(long segmentBytes, long retainBytes, long maxPendingBytes) {
    config =
        new JournalConfig(
            dir, segmentBytes, retainBytes, config.retainAge(), true, maxPendingBytes);
    return this;
  }

  JournalResultStore start() throws Exception {
    return start(Syncer.FSYNC);
  }

  JournalResultStore start(Syncer syncer) throws Exception {
    return start(syncer, JournalWriter.LINGER);
  }

  JournalResultStore start(Syncer syncer, Duration linger) throws Exception {
    JournalResultStore store =
        new JournalResultStore(config, results, meters, clock, syncer, linger);
    store.start();
    return store;
  }

  /** The real ingest service in front of {@code journal}, with default limits. */
  IngestService ingest(JournalResultStore journal) {
    return new IngestService(
        "c1",
        IngestLimits.defaults(),
        journal,
        results,
        new SessionRegistry(),
        new IngestCounters(meters),
        Clock.system());
  }

  static List<ProbeResult> batch(long seq) {
    return List.of(
        TestResults.compute("int", 1e9 + seq, 1000, 2000 + seq).setRunId("run-" + seq).build());
  }

  static StoreOutcome store(JournalResultStore store, long seq) throws Exception {
    return store(store, AGENT, seq, "stream-1");
  }

  static StoreOutcome store(JournalResultStore store, AgentKey key, long seq, Object stream)
      throws Exception {
    return store
        .store(key, seq, LABELS, batch(seq), stream)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  static List<StoredBatch> read(Path dir) throws Exception {
    List<StoredBatch> out = new ArrayList<>();
    try (JournalReader reader = JournalReader.open(dir)) {
      reader.forEach(out::add);
    }
    return out;
  }

  double counter(String name) {
    return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
