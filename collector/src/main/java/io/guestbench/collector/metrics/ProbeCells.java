package io.guestbench.collector.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The series one probe's results with the same label values update, found once: every result
 * updates four to eight series, and looking each up in {@link AgentSeries} by family and label
 * values took a fifth of recording. The cells are the agent's own, created there on first use, so a
 * scrape sees exactly what it saw before.
 */
final class ProbeCells {
  private final AgentSeries series;
  private final ProbeSpec spec;
  private final List<String> probe;
  private final List<String> values;
  private final Cell.Counter[] runs;
  private volatile Cell.Gauge steal;
  private volatile Cell.Gauge lastRunEnd;
  private final AtomicReferenceArray<Cell.Gauge> gauges;
  private final AtomicReferenceArray<HistogramCell> histograms;

  /**
   * @param probe the agent label values followed by the probe's id
   * @param values the agent label values followed by the label parameters' values
   * @param statuses the {@code status} label values, each run counter starting at zero together
   */
  ProbeCells(
      AgentSeries series,
      ProbeSpec spec,
      List<String> probe,
      List<String> values,
      List<String> statuses) {
    this.series = series;
    this.spec = spec;
    this.probe = probe;
    this.values = values;
    this.runs = new Cell.Counter[statuses.size()];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = series.counter(Families.RUNS, Families.with(probe, statuses.get(i)));
    }
    this.gauges = new AtomicReferenceArray<>(spec.gauges().size());
    this.histograms = new AtomicReferenceArray<>(spec.histograms().size());
  }

  Cell.Counter run(int status) {
    return runs[status];
  }

  void steal(double ratio) {
    Cell.Gauge g = steal;
    if (g == null) {
      steal = series.setGauge(Families.STEAL, probe, ratio);
    } else {
      g.set(ratio);
    }
  }

  void lastRunEnd(double seconds) {
    Cell.Gauge g = lastRunEnd;
    if (g == null) {
      lastRunEnd = series.setGauge(Families.LAST_RUN_END, probe, seconds);
    } else {
      g.set(seconds);
    }
  }

  /** Sets the gauge of the spec's {@code index}th scalar, in its base unit. */
  void gauge(int index, double value) {
    Cell.Gauge g = gauges.get(index);
    if (g == null) {
      GaugeSpec gauge = spec.gauges().get(index);
      gauges.set(index, series.setGauge(gauge.family(), values, value));
    } else {
      g.set(value);
    }
  }

  /** The series of the spec's {@code index}th distribution. */
  HistogramCell histogram(int index) {
    HistogramCell h = histograms.get(index);
    if (h == null) {
      h = series.histogram(spec.histograms().get(index), values);
      histograms.set(index, h);
    }
    return h;
  }
}
