package io.guestbench.agent.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.guestbench.agent.probe.Distributions;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.Locale;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** One human-readable line per probe result, for the terminal. */
final class ResultLine {
  private ResultLine() {}

  static void print(ProbeResult r) {
    System.out.println(format(r));
  }

  /** One result as one line of proto3 JSON, for machines (JSON Lines). */
  static void printJson(ProbeResult r) {
    try {
      System.out.println(JsonFormat.printer().omittingInsignificantWhitespace().print(r));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a ProbeResult always has a JSON form", e);
    }
  }

  static String format(ProbeResult r) {
    StringBuilder line = new StringBuilder(ProbeCatalog.id(r.getKind(), r.getName()));
    new TreeMap<>(r.getParamsMap())
        .forEach(
            (k, v) -> {
              if (!k.equals("checksum")) {
                line.append(' ').append(k).append('=').append(v);
              }
            });
    if (r.getStatus() != RunStatus.RUN_STATUS_OK) {
      return line.append("  ")
          .append(status(r))
          .append(": ")
          .append(r.getStatusMessage())
          .toString();
    }
    r.getScalarsList().forEach(s -> line.append("  ").append(scalar(s.getName(), s.getValue())));
    r.getDistributionsList().forEach(d -> line.append("  ").append(percentiles(d)));
    if (r.getStealRatio() >= 0) {
      line.append(String.format(Locale.ROOT, "  steal %.2f%%", r.getStealRatio() * 100));
    }
    return line.toString();
  }

  private static String scalar(String name, double value) {
    if (name.endsWith("_per_second")) {
      String what = name.substring(0, name.length() - "_per_second".length());
      return si(value) + " " + what + "/s";
    }
    return name + " " + si(value);
  }

  private static String percentiles(Distribution d) {
    String what = d.getName().replaceFirst("_nanos$", "");
    try {
      Histogram h = Distributions.decode(d);
      return String.format(
          Locale.ROOT,
          "%s p50 %s p99 %s max %s (n=%d)",
          what,
          nanos(h.getValueAtPercentile(50)),
          nanos(h.getValueAtPercentile(99)),
          nanos(d.getMax()),
          d.getCount());
    } catch (Exception e) {
      return what + " (undecodable)";
    }
  }

  /** A nanosecond figure in the unit a person reads best. */
  static String nanos(double ns) {
    if (ns >= 1e9) {
      return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
    }
    if (ns >= 1e6) {
      return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
    }
    if (ns >= 1e3) {
      return String.format(Locale.ROOT, "%.3g us", ns / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f ns", ns);
  }

  /** A count with an SI prefix, three significant digits. */
  static String si(double v) {
    String[] prefixes = {"", "k", "M", "G", "T"};
    int i = 0;
    while (Math.abs(v) >= 1000 && i < prefixes.length - 1) {
      v /= 1000;
      i++;
    }
    return String.format(Locale.ROOT, "%.3g%s", v, prefixes[i]);
  }

  private static String status(ProbeResult r) {
    return r.getStatus().name().substring("RUN_STATUS_".length()).toLowerCase(Locale.ROOT);
  }
}
