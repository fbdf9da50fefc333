package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 100k series fit in memory and scrape; how fast is for a benchmark, not a unit test. */
class ManySeriesTest {
  private static final int SERIES_PER_AGENT = 12;
  private static final int AGENTS = 100_000 / SERIES_PER_AGENT + 1;

  @Test
  void hundredThousandSeriesStayWithinAFewHundredBytesEach() throws Exception {
    ProbeResult intRun = compute("int", 4.5e8, 4_400_000, 4_450_000, 4_500_000, 10_000_000).build();
    ProbeResult fpRun = compute("fp", 9.8e8, 2_000_000, 2_050_000, 2_040_000).build();
    long before = usedHeapAfterGc();

    PrometheusRegistry registry = new PrometheusRegistry();
    ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(TestResults.START));
    for (int i = 0; i < AGENTS; i++) {
      AgentLabels agent = new AgentLabels("agent-" + i, "xen-hvm", "m5.large", "scale");
      metrics.agentConnected(agent, Map.of("clocksource", "tsc"));
      metrics.record(agent, intRun);
      metrics.record(agent, fpRun);
    }
    long used = usedHeapAfterGc() - before;

    // connected + info, 4 run counters, steal, last run end, 2 gauges and 2 histograms.
    assertThat(metrics.seriesCount()).isEqualTo((long) AGENTS * SERIES_PER_AGENT);
    assertThat(used / metrics.seriesCount()).as("bytes per series").isLessThan(1024);
    MetricSnapshots scraped = registry.scrape();
    long points = scraped.stream().mapToLong(s -> s.getDataPoints().size()).sum();
    assertThat(points).isEqualTo(metrics.seriesCount());
    PrometheusTextFormatWriter.create().write(OutputStream.nullOutputStream(), scraped);
    Reference.reachabilityFence(metrics);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
