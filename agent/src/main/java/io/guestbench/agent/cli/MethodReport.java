package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders results of the OS and memory probes as a table for people or JSON for programs. */
final class MethodReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROW = "%-18s %-24s %11s %11s %11s %6s %4s %7s %6s%n";

  private static final List<String> NOTES =
      List.of(
          "p50, p99: time per operation (per pass for mem_bandwidth), one sample per timed batch",
          "syscall and clock_gettime clocks: mean is net of the baseline FFM call, p50/p99 are not",
          "reps ending in ! stopped at max_repetitions before the CoV reached cov_percent");

  private MethodReport() {}

  static String table(List<MethodFigures> all) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "probe",
            "config",
            "mean",
            "p50",
            "p99",
            "cov",
            "reps",
            "batch",
            "steal"));
    for (MethodFigures f : all) {
      if (!f.ok()) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-18s %-24s %s: %s%n",
                f.probe(),
                f.config(),
                f.status(),
                f.message()));
        continue;
      }
      Map.Entry<String, Double> main = f.main();
      MethodFigures.PerOp op = f.perOp();
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              f.probe(),
              f.config(),
              value(main.getKey(), main.getValue()),
              op == null ? "" : nanos(op.p50()),
              op == null ? "" : nanos(op.p99()),
              percent(f.scalars().get("cov_ratio")),
              f.params().getOrDefault("repetitions", "")
                  + (f.params().get("converged").equals("true") ? "" : "!"),
              f.params().getOrDefault("batch_ops", ""),
              f.stealRatio() < 0 ? "n/a" : percent(f.stealRatio())));
    }
    for (String note : NOTES) {
      out.append(note).append(System.lineSeparator());
    }
    return out.toString();
  }

  static ArrayNode json(List<MethodFigures> all) {
    ArrayNode results = JSON.createArrayNode();
    for (MethodFigures f : all) {
      ObjectNode r = results.addObject();
      r.put("probe", f.probe());
      r.put("status", f.status());
      if (!f.message().isEmpty()) {
        r.put("message", f.message());
      }
      ObjectNode params = r.putObject("params");
      f.params().forEach(params::put);
      if (f.ok()) {
        ObjectNode scalars = r.putObject("scalars");
        f.scalars().forEach(scalars::put);
        if (f.perOp() != null) {
          r.set(f.perOp().name(), JSON.valueToTree(f.perOp()));
        }
      }
      if (f.stealRatio() < 0) {
        r.putNull("steal_ratio");
      } else {
        r.put("steal_ratio", f.stealRatio());
      }
    }
    return results;
  }

  /** A scalar in a readable unit: seconds as ns/us/ms, bytes per second as GB/s. */
  static String value(String name, double value) {
    if (name.endsWith("_bytes_per_second") || name.equals("bytes_per_second")) {
      return String.format(Locale.ROOT, "%.2f GB/s", value / 1e9);
    }
    if (name.endsWith("_seconds")) {
      return nanos(value * 1e9);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }

  /** Nanoseconds with three or four significant figures. */
  static String nanos(double nanos) {
    if (nanos >= 1e9) {
      return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    } else if (nanos >= 1e6) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    } else if (nanos >= 1e3) {
      return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
    }
    return String.format(Locale.ROOT, "%.1f ns", nanos);
  }

  private static String percent(Double ratio) {
    return ratio == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
  }
}
