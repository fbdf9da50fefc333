package io.guestbench.collector;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.sun.net.httpserver.HttpHandler;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.cost.PriceFile;
import io.guestbench.collector.cost.PricesInUse;
import io.guestbench.collector.http.CompareEndpoint;
import io.guestbench.collector.http.HttpEndpoints;
import io.guestbench.collector.ingest.GrpcServer;
import io.guestbench.collector.ingest.IngestCounters;
import io.guestbench.collector.ingest.IngestService;
import io.guestbench.collector.ingest.ResultStore;
import io.guestbench.collector.ingest.SessionRegistry;
import io.guestbench.collector.journal.JournalResultStore;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.schedule.ScheduleModule;
import io.guestbench.collector.security.AuthInterceptor;
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
import java.util.Map;

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
    bind(ResultStore.class).to(JournalResultStore.class);
    install(new ScheduleModule());
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
    return new ResultMetrics(registry, clock, config.series());
  }

  @Provides
  @Singleton
  JournalResultStore journal(ResultMetrics metrics, MeterRegistry meters, Clock clock) {
    return new JournalResultStore(config.journal(), metrics, meters, clock);
  }

  @Provides
  @Singleton
  PricesInUse prices(MeterRegistry meters) {
    return new PricesInUse(new PriceFile(config.pricesFile()), meters);
  }

  @Provides
  @Singleton
  IngestService ingestService(
      ResultStore store,
      ResultMetrics metrics,
      SessionRegistry sessions,
      IngestCounters counters,
      Clock clock) {
    counters.seriesBudget(metrics);
    return new IngestService(
        config.collectorId(), config.ingest(), store, metrics, sessions, counters, clock);
  }

  @Provides
  @Singleton
  GrpcServer grpcServer(IngestService ingest, IngestCounters counters, MeterRegistry meters) {
    return new GrpcServer(
        new InetSocketAddress(config.bind(), config.grpcPort()),
        ingest,
        config.ingest().maxMessageBytes(),
        config.security(),
        new AuthInterceptor(config.security(), reason -> counters.rejected(reason, 1)),
        meters);
  }

  @Provides
  @Singleton
  HttpEndpoints httpEndpoints(
      PrometheusRegistry registry,
      ResultMetrics agents,
      Readiness readiness,
      ResultStore store,
      Clock clock,
      PricesInUse prices) {
    return new HttpEndpoints(
        new InetSocketAddress(config.bind(), config.httpPort()),
        registry,
        agents,
        () -> readiness.isReady() && store.healthy(),
        compare(
            new CompareEndpoint(
                config.journal().dir(), clock, () -> java.util.Optional.of(prices.table()))));
  }

  private static Map<String, HttpHandler> compare(CompareEndpoint endpoint) {
    return Map.of(
        "/api/v1/compare", endpoint.as(CompareEndpoint.Shape.JSON),
        "/compare", endpoint.as(CompareEndpoint.Shape.PAGE));
  }
}
