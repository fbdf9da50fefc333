package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.Objects;

/**
 * One metric family of the fixed catalogue.
 *
 * @param name the name as exposed in the Prometheus text format, so counters end in {@code _total}
 *     and info families in {@code _info}
 * @param type counter, gauge, histogram or info
 * @param help what was measured and how
 * @param unit the base unit the name ends in, or null when it has none
 * @param labelNames every label of the family, in the order series keys list their values
 */
record Family(String name, MetricType type, String help, Unit unit, List<String> labelNames) {
  Family {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    labelNames = List.copyOf(labelNames);
  }

  /** The metadata; the client library wants counter and info names without their suffix. */
  MetricMetadata metadata() {
    String base =
        switch (type) {
          case COUNTER -> name.substring(0, name.length() - "_total".length());
          case INFO -> name.substring(0, name.length() - "_info".length());
          default -> name;
        };
    return new MetricMetadata(base, help, unit);
  }

  /** What the registry checks against other collectors' families when this one is registered. */
  MetricFamilyDescriptor descriptor() {
    return MetricFamilyDescriptor.of(type, metadata(), labelNames);
  }

  /** The labels of one series; {@code values} line up with {@link #labelNames()}. */
  Labels labels(List<String> values) {
    return Labels.of(labelNames.toArray(String[]::new), values.toArray(String[]::new));
  }

  /** The family's snapshot; every point must be of the type's point class. */
  MetricSnapshot snapshot(List<DataPointSnapshot> points) {
    MetricMetadata metadata = metadata();
    return switch (type) {
      case COUNTER -> new CounterSnapshot(metadata, cast(points, CounterDataPointSnapshot.class));
      case GAUGE -> new GaugeSnapshot(metadata, cast(points, GaugeDataPointSnapshot.class));
      case HISTOGRAM ->
          new HistogramSnapshot(metadata, cast(points, HistogramDataPointSnapshot.class));
      case INFO -> new InfoSnapshot(metadata, cast(points, InfoDataPointSnapshot.class));
      default -> throw new IllegalStateException("no " + type + " families in the catalogue");
    };
  }

  private static <T> List<T> cast(List<DataPointSnapshot> points, Class<T> type) {
    return points.stream().map(type::cast).toList();
  }
}
