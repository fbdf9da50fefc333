package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.concurrent.atomic.AtomicLong;

/** The state of one series, with its labels built once when the series is created. */
sealed interface Cell permits Cell.Gauge, Cell.Counter, Cell.Info, HistogramCell {

  /** The series as it is now; no timestamp, Prometheus stamps samples at scrape time. */
  DataPointSnapshot point();

  /** The labels as the text formats write them: {@link LabelText#of}, rendered once. */
  byte[] labelText();

  /** The last value set. */
  final class Gauge implements Cell {
    private final Labels labels;
    private final byte[] labelText;
    private volatile double value;

    Gauge(Labels labels, double value) {
      this.labels = labels;
      this.labelText = LabelText.of(labels);
      this.value = value;
    }

    void set(double value) {
      this.value = value;
    }

    double value() {
      return value;
    }

    @Override
    public byte[] labelText() {
      return labelText;
    }

    @Override
    public DataPointSnapshot point() {
      return new GaugeDataPointSnapshot(value, labels, null);
    }
  }

  /** A count that only goes up. */
  final class Counter implements Cell {
    private final Labels labels;
    private final byte[] labelText;
    private final AtomicLong count = new AtomicLong();

    Counter(Labels labels) {
      this.labels = labels;
      this.labelText = LabelText.of(labels);
    }

    void increment() {
      count.incrementAndGet();
    }

    long count() {
      return count.get();
    }

    @Override
    public byte[] labelText() {
      return labelText;
    }

    @Override
    public DataPointSnapshot point() {
      return new CounterDataPointSnapshot(count.get(), labels, null, 0L);
    }
  }

  /** Facts carried as labels, value 1. */
  final class Info implements Cell {
    private final Labels labels;
    private final byte[] labelText;

    Info(Labels labels) {
      this.labels = labels;
      this.labelText = LabelText.of(labels);
    }

    @Override
    public DataPointSnapshot point() {
      return new InfoDataPointSnapshot(labels);
    }

    @Override
    public byte[] labelText() {
      return labelText;
    }
  }
}
