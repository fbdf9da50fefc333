package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one checked result into updates of its agent's series. Everything the updates need is
 * looked up and decoded first, so a result that never passed the checks fails with an {@link
 * IllegalArgumentException} before it changes anything.
 */
final class ResultRecorder {
  private static final List<RunStatus> STATUSES =
      List.of(
          RunStatus.RUN_STATUS_OK,
          RunStatus.RUN_STATUS_ERROR,
          RunStatus.RUN_STATUS_TIMEOUT,
          RunStatus.RUN_STATUS_SKIPPED);

  private final Catalogue catalogue;
  private final ThreadLocal<HdrDecoder> decoders;

  ResultRecorder(Catalogue catalogue, ThreadLocal<HdrDecoder> decoders) {
    this.catalogue = catalogue;
    this.decoders = decoders;
  }

  /**
   * Records {@code r}; {@code deltas}, when not null, are its distributions as {@link
   * ResultChecker} bucketed them for these series, in order, and nothing is decoded again.
   */
  void record(AgentSeries series, AgentLabels agent, ProbeResult r, List<HistogramDelta> deltas) {
    ProbeSpec spec = require(catalogue.find(r.getKind(), r.getName()), "the probe");
    String status = label(r.getStatus());
    // An unsuccessful run's values may be partial, and would skew the value families.
    boolean ok = r.getStatus() == RunStatus.RUN_STATUS_OK;
    List<String> values = ok ? valueLabels(agent, spec, r) : List.of();
    List<GaugeSpec> gauges = new ArrayList<>();
    List<HistogramSpec> histograms = new ArrayList<>();
    List<HistogramDelta> added = new ArrayList<>();
    if (ok) {
      r.getScalarsList().forEach(s -> gauges.add(require(spec.gauge(s.getName()), s.getName())));
      if (deltas != null && deltas.size() != r.getDistributionsCount()) {
        throw new IllegalArgumentException(uncheckedResult("histograms checked for another"));
      }
      HdrDecoder decoder = deltas == null ? decoders.get() : null;
      for (Distribution d : r.getDistributionsList()) {
        HistogramSpec histogram = require(spec.histogram(d.getName()), d.getName());
        histograms.add(histogram);
        int i = added.size();
        added.add(
            deltas != null
                ? deltas.get(i)
                : HistogramDelta.of(histogram, decode(decoder, d, 0), d));
      }
    }

    List<String> probe = Families.with(agent.values(), spec.id());
    List<String> runs = Families.with(probe, status);
    Cell.Counter run = series.existingCounter(Families.RUNS, runs);
    if (run == null) {
      // The probe's first run: every status's counter starts at zero together, so one that
      // exists means all do and the look-ups are skipped from then on.
      for (RunStatus each : STATUSES) {
        series.counter(Families.RUNS, Families.with(probe, label(each)));
      }
      run = series.counter(Families.RUNS, runs);
    }
    run.increment();
    if (r.getStealRatio() >= 0) {
      series.setGauge(Families.STEAL, probe, r.getStealRatio());
    }
    if (r.getEndTimeUnixNano() > 0) {
      series.setGauge(Families.LAST_RUN_END, probe, r.getEndTimeUnixNano() / 1e9);
    }
    for (int i = 0; i < gauges.size(); i++) {
      GaugeSpec gauge = gauges.get(i);
      series.setGauge(gauge.family(), values, gauge.toBaseUnit(r.getScalars(i).getValue()));
    }
    for (int i = 0; i < histograms.size(); i++) {
      series.histogram(histograms.get(i), values).add(added.get(i));
    }
  }

  /** The agent labels' values followed by the label parameters' values. */
  private static List<String> valueLabels(AgentLabels agent, ProbeSpec spec, ProbeResult r) {
    List<String> values = new ArrayList<>(agent.values());
    for (ParamSpec p : spec.params()) {
      if (p.label()) {
        values.add(require(r.getParamsMap().get(p.key()), "params." + p.key()));
      }
    }
    return List.copyOf(values);
  }

  private static HdrCounts decode(HdrDecoder decoder, Distribution d, int slot) {
    try {
      return decoder.decode(d.getHdrHistogram(), slot);
    } catch (HdrDecoder.FormatException e) {
      throw new IllegalArgumentException(uncheckedResult(d.getName() + ": " + e.getMessage()));
    }
  }

  private static String label(RunStatus status) {
    return switch (status) {
      case RUN_STATUS_OK -> "ok";
      case RUN_STATUS_ERROR -> "error";
      case RUN_STATUS_TIMEOUT -> "timeout";
      case RUN_STATUS_SKIPPED -> "skipped";
      case RUN_STATUS_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException(uncheckedResult("status " + status));
    };
  }

  private static <T> T require(T found, String what) {
    if (found == null) {
      throw new IllegalArgumentException(uncheckedResult(what + " is unknown or missing"));
    }
    return found;
  }

  private static String uncheckedResult(String detail) {
    return "record() needs a result that passed check(): " + detail;
  }
}
