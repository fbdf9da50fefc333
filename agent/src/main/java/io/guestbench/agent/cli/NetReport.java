package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestbench.agent.probe.Distributions;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.Scalar;
import java.util.Locale;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Renders a network test's result as a table for people or JSON for programs. */
final class NetReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double[] PERCENTILES = {50, 90, 99, 99.9};

  private NetReport() {}

  static String table(ProbeResult r) {
    StringBuilder out = new StringBuilder(ProbeCatalog.id(r.getKind(), r.getName()));
    new TreeMap<>(r.getParamsMap())
        .forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
    out.append(System.lineSeparator());
    for (Scalar s : r.getScalarsList()) {
      row(out, s.getName().replace('_', ' '), scalar(s.getName(), s.getValue()));
    }
    for (Distribution d : r.getDistributionsList()) {
      row(out, d.getName().replace('_', ' '), distribution(d));
    }
    row(out, "steal", r.getStealRatio() < 0 ? "n/a" : percent(r.getStealRatio()));
    return out.toString();
  }

  static String json(String command, ProbeResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("command", command);
    root.put("probe", ProbeCatalog.id(r.getKind(), r.getName()));
    root.put("status", r.getStatus().name().replace("RUN_STATUS_", ""));
    if (!r.getStatusMessage().isEmpty()) {
      root.put("message", r.getStatusMessage());
    }
    ObjectNode params = root.putObject("params");
    new TreeMap<>(r.getParamsMap()).forEach(params::put);
    ObjectNode scalars = root.putObject("scalars");
    r.getScalarsList().forEach(s -> scalars.put(s.getName(), s.getValue()));
    ObjectNode distributions = root.putObject("distributions");
    for (Distribution d : r.getDistributionsList()) {
      ObjectNode n = distributions.putObject(d.getName());
      Histogram h = Distributions.decode(d);
      n.put("count", d.getCount()).put("sum", d.getSum()).put("min", d.getMin());
      for (double p : PERCENTILES) {
        n.put(
            "p" + String.valueOf(p).replace(".0", "").replace(".", "_"),
            within(h.getValueAtPercentile(p), d));
      }
      n.put("max", d.getMax());
    }
    if (r.getStealRatio() < 0) {
      root.putNull("steal_ratio");
    } else {
      root.put("steal_ratio", r.getStealRatio());
    }
    return root.toPrettyString();
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append(String.format(Locale.ROOT, "  %-36s %s%n", name, value));
  }

  static String scalar(String name, double value) {
    if (name.startsWith("bytes_") && name.endsWith("_per_second")) {
      return bytesPerSecond(value);
    } else if (name.endsWith("_ratio")) {
      return percent(value);
    } else if (name.endsWith("_nanos")) {
      return CpuReport.nanos(Math.round(value));
    } else if (name.endsWith("_per_second")) {
      return ResultLine.si(value) + "/s";
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String distribution(Distribution d) {
    if (d.getName().endsWith("bytes_per_second")) {
      Histogram h = Distributions.decode(d);
      return "min "
          + bytesPerSecond(d.getMin())
          + "  p50 "
          + bytesPerSecond(within(h.getValueAtPercentile(50), d))
          + "  max "
          + bytesPerSecond(d.getMax())
          + "  ("
          + d.getCount()
          + " intervals)";
    }
    Histogram h = Distributions.decode(d);
    StringBuilder s = new StringBuilder("min " + CpuReport.nanos(d.getMin()));
    for (double p : PERCENTILES) {
      s.append(
          String.format(
              Locale.ROOT,
              "  p%s %s",
              trim(p),
              CpuReport.nanos(within(h.getValueAtPercentile(p), d))));
    }
    return s.append("  max ")
        .append(CpuReport.nanos(d.getMax()))
        .append("  (n=")
        .append(d.getCount())
        .append(')')
        .toString();
  }

  /** Bytes per second with bits per second beside them, as network people read it. */
  static String bytesPerSecond(double bytes) {
    return ResultLine.si(bytes) + "B/s (" + ResultLine.si(bytes * 8) + "bit/s)";
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
  }

  private static String trim(double p) {
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }

  /** Histogram percentiles are bucket edges, which can fall just outside the exact min..max. */
  private static long within(long value, Distribution d) {
    return Math.max(d.getMin(), Math.min(d.getMax(), value));
  }
}
