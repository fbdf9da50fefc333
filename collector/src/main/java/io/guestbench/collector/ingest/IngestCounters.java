package io.guestbench.collector.ingest;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.guestbench.collector.metrics.ResultMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The collector's own ingest metrics ({@code guestbench_collector_*}), kept with Micrometer. */
@Singleton
public final class IngestCounters {
  private final MeterRegistry registry;
  private final AtomicInteger streams = new AtomicInteger();
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

  @Inject
  public IngestCounters(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("guestbench.collector.streams", streams, AtomicInteger::get)
        .description("Open agent streams.")
        .register(registry);
  }

  /** Series charged to the budgets and the global budget, for "budget near its limit" alerts. */
  public void seriesBudget(ResultMetrics metrics) {
    Gauge.builder("guestbench.collector.series.charged", metrics, ResultMetrics::seriesCharged)
        .description(
            "Probe series charged to the series budgets (the most agents' results can create).")
        .register(registry);
    Gauge.builder("guestbench.collector.series.budget", metrics, ResultMetrics::seriesBudget)
        .description("The global series budget (limits.series).")
        .register(registry);
    Gauge.builder("guestbench.collector.series", metrics, ResultMetrics::seriesCount)
        .description("Per-agent series exposed now; a histogram counts once.")
        .register(registry);
  }

  void streamOpened() {
    streams.incrementAndGet();
  }

  void streamClosed() {
    streams.decrementAndGet();
  }

  /** A batch by what happened to it: stored, duplicate, rejected. */
  void batch(String result) {
    counter("guestbench.collector.batches", "result", result, "Batches received, by outcome.")
        .increment();
  }

  void resultsStored(int n) {
    counter("guestbench.collector.results.stored", null, null, "Probe results stored.")
        .increment(n);
  }

  /** Results, messages or streams refused, by bounded reason. */
  public void rejected(String reason, int n) {
    counter(
            "guestbench.collector.rejected",
            "reason",
            reason,
            "Results and messages refused at ingest, by reason.")
        .increment(n);
  }

  private Counter counter(String name, String tag, String value, String help) {
    return counters.computeIfAbsent(
        name + "|" + value,
        k -> {
          Counter.Builder b = Counter.builder(name).description(help);
          if (tag != null) {
            b.tag(tag, value);
          }
          return b.register(registry);
        });
  }

  /** Current number of open agent streams. */
  public int openStreams() {
    return streams.get();
  }
}
