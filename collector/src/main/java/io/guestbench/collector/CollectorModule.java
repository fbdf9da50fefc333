package io.guestbench.collector;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.http.HttpEndpoints;
import io.guestbench.collector.ingest.GrpcServer;
import io.guestbench.collector.ingest.IngestCounters;
import io.guestbench.collector.ingest.IngestService;
import io.guestbench.collector.ingest.MemoryResultStore;
import io.guestbench.collector.ingest.ResultStore;
import io.guestbench.collector.ingest.SessionRegistry;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.common.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;

/** Binds the collector's parts; {@link CollectorMain} is the only place that builds it. */
final class CollectorModule extends AbstractModule {
  private final CollectorConfig config;

  CollectorModule(CollectorConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(CollectorConfig.class).toInstance(config);
    bind(Clock.class).toInstance(Clock.system());
    bind(ResultStore.class).to(MemoryResultStore.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  PrometheusRegistry prometheusRegistry() {
    return new PrometheusRegistry();
  }

  /** Micrometer self-metrics share the one registry that {@code /metrics} exposes. */
  @Provides
  @Singleton
  MeterRegistry meterRegistry(PrometheusRegistry registry) {
    PrometheusMeterRegistry meters =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, registry, io.micrometer.core.instrument.Clock.SYSTEM);
    // Micrometer names these two against Prometheus conventions (promtool flags them):
    // "ns" in a counter name, and "_count" on a gauge.
    meters.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
    meters.config().meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"));
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    return meters;
  }

  @Provides
  @Singleton
  ResultMetrics resultMetrics(PrometheusRegistry registry, Clock clock) {
    return new ResultMetrics(registry, clock);
  }

  @Provides
  @Singleton
  IngestService ingestService(
      ResultStore store, ResultMetrics metrics, SessionRegistry sessions, IngestCounters counters) {
    return new IngestService(
        config.collectorId(),
        config.maxMessageBytes(),
        config.maxResultsPerBatch(),
        store,
        metrics,
        sessions,
        counters);
  }

  @Provides
  @Singleton
  GrpcServer grpcServer(IngestService ingest) {
    return new GrpcServer(
        new InetSocketAddress(config.bind(), config.grpcPort()), ingest, config.maxMessageBytes());
  }

  @Provides
  @Singleton
  HttpEndpoints httpEndpoints(PrometheusRegistry registry, Readiness readiness) {
    return new HttpEndpoints(
        new InetSocketAddress(config.bind(), config.httpPort()), registry, readiness::isReady);
  }
}
