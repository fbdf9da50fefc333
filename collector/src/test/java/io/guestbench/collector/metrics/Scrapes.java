package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;

/** Reads series back out of a registry, for tests. */
final class Scrapes {
  private Scrapes() {}

  /** The family's data points whose labels include all of {@code labels}; empty if none. */
  static List<DataPointSnapshot> points(
      PrometheusRegistry registry, String family, Map<String, String> labels) {
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot.getMetadata().getPrometheusName().equals(family)) {
        return snapshot.getDataPoints().stream()
            .filter(p -> labels.entrySet().stream().allMatch(e -> matches(p, e)))
            .map(DataPointSnapshot.class::cast)
            .toList();
      }
    }
    return List.of();
  }

  private static boolean matches(DataPointSnapshot p, Map.Entry<String, String> label) {
    return label.getValue().equals(p.getLabels().get(label.getKey()));
  }
}
