package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramRecordingTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(0));
  private final AgentLabels agent = new AgentLabels("a1", "xen-hvm", "m5.large", "exp");

  @Test
  void accumulatesAcrossRunsWithExactCountAndSum() {
    metrics.record(agent, compute("int", 1, 1_000, 2_000).build());
    metrics.record(agent, compute("int", 1, 1_000, 5_000_000).build());

    HistogramDataPointSnapshot h = histogram();
    assertThat(h.getCount()).isEqualTo(4);
    assertThat(h.getSum()).isEqualTo(5_004_000 / 1e9);
    assertThat(nonEmptyClassicBuckets(h)).containsExactly("1.0E-6:2", "2.5E-6:1", "0.005:1");
  }

  @Test
  void placesRunsOfEqualValuesExactlyInNativeBuckets() {
    // 0.5 s, 1 s and 2 s are 2^-1, 2^0 and 2^1: the upper bounds of buckets -8, 0 and 8.
    metrics.record(agent, compute("int", 1, 500_000_000, 500_000_000, 500_000_000).build());
    metrics.record(agent, compute("int", 1, 1_000_000_000, 1_000_000_000).build());
    metrics.record(agent, compute("int", 1, 2_000_000_000).build());
    metrics.record(agent, compute("int", 1, 0).build());

    HistogramDataPointSnapshot h = histogram();
    assertThat(h.getNativeSchema()).isEqualTo(3);
    assertThat(h.getNativeZeroCount()).isEqualTo(1);
    assertThat(h.getNativeBucketsForPositiveValues().stream())
        .map(b -> b.getBucketIndex() + ":" + b.getCount())
        .containsExactly("-8:3", "0:2", "8:1");
    assertThat(h.getNativeBucketsForNegativeValues().size()).isZero();
    assertThat(h.getCount()).isEqualTo(7);
    assertThat(h.getSum()).isEqualTo(5.5);
  }

  private HistogramDataPointSnapshot histogram() {
    var points =
        Scrapes.points(
            registry, "guestbench_cpu_compute_iteration_seconds", Map.of("kernel", "int"));
    assertThat(points).hasSize(1);
    return (HistogramDataPointSnapshot) points.getFirst();
  }

  private static List<String> nonEmptyClassicBuckets(HistogramDataPointSnapshot h) {
    return h.getClassicBuckets().stream()
        .filter(b -> b.getCount() > 0)
        .map(ClassicHistogramBucket::getUpperBound)
        .map(bound -> bound + ":" + countAt(h, bound))
        .toList();
  }

  private static long countAt(HistogramDataPointSnapshot h, double bound) {
    return h.getClassicBuckets().stream()
        .filter(b -> b.getUpperBound() == bound)
        .mapToLong(ClassicHistogramBucket::getCount)
        .sum();
  }
}
