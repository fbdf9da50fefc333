package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One probe the collector knows: which parameters its results may carry, and which family each of
 * its values becomes. Every value family is labelled with the agent labels followed by the label
 * parameters, in declaration order; {@link #valueLabelNames} builds that list.
 *
 * @param kind the probe family
 * @param name the probe within the family, for example {@code compute}
 * @param params every parameter a result may carry; anything else is refused
 * @param gauges the scalars, each a gauge of the last ok run's value
 * @param histograms the distributions, each a histogram accumulated over all ok runs
 */
record ProbeSpec(
    ProbeKind kind,
    String name,
    List<ParamSpec> params,
    List<GaugeSpec> gauges,
    List<HistogramSpec> histograms) {
  private static final String KIND_PREFIX = "PROBE_KIND_";

  ProbeSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    gauges = List.copyOf(gauges);
    histograms = List.copyOf(histograms);
    if (gauges.size() > Long.SIZE || histograms.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 scalars and 64 distributions a probe");
    }
    List<String> labels = valueLabelNames(params);
    for (Family family : families(gauges, histograms)) {
      if (!family.labelNames().equals(labels)) {
        throw new IllegalArgumentException(family.name() + " must be labelled " + labels);
      }
    }
  }

  /** The agent labels followed by the keys of the label parameters. */
  static List<String> valueLabelNames(List<ParamSpec> params) {
    Stream<String> keys = params.stream().filter(ParamSpec::label).map(ParamSpec::key);
    return Stream.concat(AgentLabels.NAMES.stream(), keys).toList();
  }

  /** The {@code probe} label value, for example {@code cpu.compute}. */
  String id() {
    String family = kind.name();
    if (family.startsWith(KIND_PREFIX)) {
      family = family.substring(KIND_PREFIX.length());
    }
    return family.toLowerCase(Locale.ROOT) + "." + name;
  }

  /** How many parameters are labels. */
  int labelParams() {
    int n = 0;
    for (ParamSpec p : params) {
      n += p.label() ? 1 : 0;
    }
    return n;
  }

  /** The parameter with this key, or null. */
  ParamSpec param(String key) {
    // Loops rather than streams: these run for every parameter and value of every result.
    for (ParamSpec p : params) {
      if (p.key().equals(key)) {
        return p;
      }
    }
    return null;
  }

  /** The gauge for this scalar name, or null. */
  GaugeSpec gauge(String scalar) {
    int i = gaugeIndex(scalar);
    return i < 0 ? null : gauges.get(i);
  }

  /** Where the gauge for this scalar name is in {@link #gauges}, or -1. */
  int gaugeIndex(String scalar) {
    for (int i = 0; i < gauges.size(); i++) {
      if (gauges.get(i).scalar().equals(scalar)) {
        return i;
      }
    }
    return -1;
  }

  /** The histogram for this distribution name, or null. */
  HistogramSpec histogram(String distribution) {
    int i = histogramIndex(distribution);
    return i < 0 ? null : histograms.get(i);
  }

  /** Where the histogram for this distribution name is in {@link #histograms}, or -1. */
  int histogramIndex(String distribution) {
    for (int i = 0; i < histograms.size(); i++) {
      if (histograms.get(i).distribution().equals(distribution)) {
        return i;
      }
    }
    return -1;
  }

  /** The families of this probe's values. */
  List<Family> families() {
    return families(gauges, histograms);
  }

  private static List<Family> families(List<GaugeSpec> gauges, List<HistogramSpec> histograms) {
    return Stream.concat(
            gauges.stream().map(GaugeSpec::family), histograms.stream().map(HistogramSpec::family))
        .toList();
  }
}
