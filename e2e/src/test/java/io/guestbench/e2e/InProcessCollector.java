package io.guestbench.e2e;

import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.guestbench.collector.ingest.IngestCounters;
import io.guestbench.collector.ingest.IngestLimits;
import io.guestbench.collector.ingest.IngestService;
import io.guestbench.collector.ingest.MemoryResultStore;
import io.guestbench.collector.ingest.SessionRegistry;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.metrics.SeriesLimits;
import io.guestbench.testing.GrpcCleanupExtension;
import io.guestbench.testing.ManualClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The collector's real ingest path behind an in-process gRPC server that can be restarted. */
final class InProcessCollector {
  final PrometheusRegistry registry = new PrometheusRegistry();
  final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
  final ResultMetrics metrics;
  final MemoryResultStore store;
  final SessionRegistry sessions = new SessionRegistry();
  final IngestCounters counters =
      new IngestCounters(
          new PrometheusMeterRegistry(
              PrometheusConfig.DEFAULT, registry, io.micrometer.core.instrument.Clock.SYSTEM));
  private final String name;
  private final GrpcCleanupExtension cleanup;
  private Server server;

  private final IngestLimits limits;

  InProcessCollector(String name, GrpcCleanupExtension cleanup) {
    this(name, cleanup, IngestLimits.defaults(), SeriesLimits.DEFAULT);
  }

  /** A collector with the given limits, on a manual clock (rates refill only when advanced). */
  InProcessCollector(
      String name, GrpcCleanupExtension cleanup, IngestLimits limits, SeriesLimits series) {
    this.name = name;
    this.cleanup = cleanup;
    this.limits = limits;
    this.metrics = new ResultMetrics(registry, clock, series);
    this.store = new MemoryResultStore(metrics);
  }

  String name() {
    return name;
  }

  /** Starts (or starts again) serving; the stored state survives, like a journal would. */
  InProcessCollector start() throws IOException {
    IngestService ingest =
        new IngestService("test-collector", limits, store, metrics, sessions, counters, clock);
    server =
        cleanup.register(InProcessServerBuilder.forName(name).addService(ingest).build().start());
    return this;
  }

  /** Kills the server: every stream breaks at once. */
  void kill() {
    server.shutdownNow();
  }

  String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The value of one sample line, for example {@code guestbench_probe_runs_total{...}}. */
  double sample(String nameAndLabelsPrefix) throws IOException {
    return scrape()
        .lines()
        .filter(l -> l.startsWith(nameAndLabelsPrefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
