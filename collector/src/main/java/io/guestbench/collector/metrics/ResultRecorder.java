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

  /** The {@code status} label of each of {@link #STATUSES}. */
  private static final List<String> STATUS_LABELS = List.of("ok", "error", "timeout", "skipped");

  private final Catalogue catalogue;
  private final ThreadLocal<HdrDecoder> decoders;

  ResultRecorder(Catalogue catalogue, ThreadLocal<HdrDecoder> decoders) {
    this.catalogue = catalogue;
    this.decoders = decoders;
  }

  /**
   * Records {@code r}; {@code deltas}, when not null, are its distributions as {@link
   * ResultChecker} bucketed them for these series, in order, and nothing is decoded again; {@code
   * labels}, when not null, are its labels as {@link ResultMetrics#admit} found them.
   */
  void record(
      AgentSeries series,
      AgentLabels agent,
      ProbeResult r,
      List<HistogramDelta> deltas,
      ProbeLabels labels) {
    ProbeSpec spec =
        labels != null
            ? labels.spec
            : require(catalogue.find(r.getKind(), r.getName()), "the probe");
    int status = statusIndex(r.getStatus());
    // An unsuccessful run's values may be partial, and would skew the value families.
    boolean ok = r.getStatus() == RunStatus.RUN_STATUS_OK;
    int[] gauges = new int[ok ? r.getScalarsCount() : 0];
    for (int i = 0; i < gauges.length; i++) {
      String name = r.getScalars(i).getName();
      gauges[i] = requireIndex(spec.gaugeIndex(name), name);
    }
    int[] histograms = new int[ok ? r.getDistributionsCount() : 0];
    List<HistogramDelta> added = new ArrayList<>(histograms.length);
    if (ok) {
      if (deltas != null && deltas.size() != histograms.length) {
        throw new IllegalArgumentException(uncheckedResult("histograms checked for another"));
      }
      HdrDecoder decoder = deltas == null ? decoders.get() : null;
      for (int i = 0; i < histograms.length; i++) {
        Distribution d = r.getDistributions(i);
        histograms[i] = requireIndex(spec.histogramIndex(d.getName()), d.getName());
        HistogramSpec histogram = spec.histograms().get(histograms[i]);
        added.add(
            deltas != null
                ? deltas.get(i)
                : HistogramDelta.of(histogram, decode(decoder, d, 0), d));
      }
    }
    ProbeLabels found = labels != null ? labels : series.labels(spec, agent, r);
    ProbeCells cells = found.cellsIn(series, STATUS_LABELS);
    cells.run(status).increment();
    if (r.getStealRatio() >= 0) {
      cells.steal(r.getStealRatio());
    }
    if (r.getEndTimeUnixNano() > 0) {
      cells.lastRunEnd(r.getEndTimeUnixNano() / 1e9);
    }
    for (int i = 0; i < gauges.length; i++) {
      GaugeSpec gauge = spec.gauges().get(gauges[i]);
      cells.gauge(gauges[i], gauge.toBaseUnit(r.getScalars(i).getValue()));
    }
    for (int i = 0; i < histograms.length; i++) {
      cells.histogram(histograms[i]).add(added.get(i));
    }
  }

  private static HdrCounts decode(HdrDecoder decoder, Distribution d, int slot) {
    try {
      return decoder.decode(d.getHdrHistogram(), slot);
    } catch (HdrDecoder.FormatException e) {
      throw new IllegalArgumentException(uncheckedResult(d.getName() + ": " + e.getMessage()));
    }
  }

  /** The status's place in {@link #STATUS_LABELS}. */
  private static int statusIndex(RunStatus status) {
    int index = STATUSES.indexOf(status);
    if (index < 0) {
      throw new IllegalArgumentException(uncheckedResult("status " + status));
    }
    return index;
  }

  private static int requireIndex(int index, String what) {
    if (index < 0) {
      throw new IllegalArgumentException(uncheckedResult(what + " is unknown or missing"));
    }
    return index;
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
