package io.guestbench.collector.metrics;

import io.guestbench.common.histogram.HdrEncoding;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What one run contributes to a comparison, named as the metrics are: each scalar of an ok result
 * as the value of its gauge family, and each distribution as its median and 99th percentile ({@code
 * <family>_p50}, {@code _p99}), all in the family's base unit. A run's configuration is its probe
 * id and its label parameters, in the catalogue's order, so only runs of the same job are compared.
 * Results the catalogue does not know, and runs that did not end ok, contribute nothing.
 */
public final class ComparableValues {
  /**
   * @param config for example {@code disk.job rw=randread bs_bytes=4096 iodepth=1 engine=sync}
   * @param metric a family name, with {@code _p50} or {@code _p99} for a distribution
   * @param value in the family's base unit
   */
  public record Value(String config, String metric, double value) {}

  /**
   * Where a gauge family comes from, for sources that see only series (a Prometheus query API).
   *
   * @param probe the probe id, for example {@code disk.job}
   * @param params the probe's label parameters, in the order a configuration names them
   */
  public record GaugeFamily(String probe, List<String> params) {}

  private static final double[] QUANTILES = {0.50, 0.99};
  private static final String[] SUFFIXES = {"_p50", "_p99"};

  private final Catalogue catalogue;

  private ComparableValues(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** For the probes guestbench has. */
  public static ComparableValues standard() {
    return new ComparableValues(Catalogue.standard());
  }

  /** Every gauge family a comparison can use, by name. */
  public java.util.Map<String, GaugeFamily> gaugeFamilies() {
    java.util.Map<String, GaugeFamily> out = new java.util.TreeMap<>();
    for (ProbeSpec spec : catalogue.probes()) {
      List<String> params =
          spec.params().stream().filter(ParamSpec::label).map(ParamSpec::key).toList();
      for (GaugeSpec g : spec.gauges()) {
        out.put(g.family().name(), new GaugeFamily(spec.id(), params));
      }
    }
    return out;
  }

  /** The configuration key of a probe and its label parameters' values. */
  public static String config(
      String probe, List<String> params, java.util.Map<String, String> values) {
    StringBuilder key = new StringBuilder(probe);
    for (String p : params) {
      key.append(' ').append(p).append('=').append(values.getOrDefault(p, ""));
    }
    return key.toString();
  }

  /** The probe configuration of a result the catalogue knows, whatever its status. */
  public Optional<String> config(ProbeResult r) {
    ProbeSpec spec = catalogue.find(r.getKind(), r.getName());
    if (spec == null) {
      return Optional.empty();
    }
    List<String> params =
        spec.params().stream().filter(ParamSpec::label).map(ParamSpec::key).toList();
    return Optional.of(config(spec.id(), params, r.getParamsMap()));
  }

  /** The values of an ok result; empty for other results or ones the catalogue does not know. */
  public List<Value> of(ProbeResult r) {
    Optional<String> config = config(r);
    if (config.isEmpty() || r.getStatus() != RunStatus.RUN_STATUS_OK) {
      return List.of();
    }
    ProbeSpec spec = catalogue.find(r.getKind(), r.getName());
    List<Value> values = new ArrayList<>();
    for (Scalar s : r.getScalarsList()) {
      GaugeSpec gauge = spec.gauge(s.getName());
      double v = gauge == null ? Double.NaN : gauge.toBaseUnit(s.getValue());
      if (Double.isFinite(v)) {
        values.add(new Value(config.get(), gauge.family().name(), v));
      }
    }
    for (Distribution d : r.getDistributionsList()) {
      HistogramSpec histogram = spec.histogram(d.getName());
      if (histogram != null && d.getCount() > 0) {
        quantiles(config.get(), histogram, d, values);
      }
    }
    return values;
  }

  private static void quantiles(
      String config, HistogramSpec spec, Distribution d, List<Value> values) {
    Histogram h;
    try {
      // Validated at ingest; the journal is read offline, so HdrHistogram's own decoder will do.
      h = HdrEncoding.decode(d.getHdrHistogram().asReadOnlyByteBuffer());
    } catch (IllegalArgumentException e) {
      return; // a record that no longer decodes has nothing to compare
    }
    for (int i = 0; i < QUANTILES.length; i++) {
      double v = h.getValueAtPercentile(QUANTILES[i] * 100) / spec.divisor();
      values.add(new Value(config, spec.family().name() + SUFFIXES[i], v));
    }
  }
}
