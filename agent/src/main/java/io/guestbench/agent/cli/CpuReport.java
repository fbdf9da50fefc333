package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** Renders the {@code cpu} command's figures as a table for people or JSON for programs. */
final class CpuReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROW = "%-6s %15s %10s %10s %10s %10s %6s%n";

  private CpuReport() {}

  static String table(List<CpuFigures> all) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(Locale.ROOT, ROW, "kernel", "ops/s", "p50", "p90", "p99", "max", "steal"));
    for (CpuFigures f : all) {
      if (!f.status().equals("OK")) {
        out.append(
            String.format(Locale.ROOT, "%-6s %s: %s%n", f.kernel(), f.status(), f.message()));
        continue;
      }
      CpuFigures.Latency l = f.iterations();
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              f.kernel(),
              String.format(Locale.ROOT, "%,.0f", f.opsPerSecond()),
              nanos(l.p50()),
              nanos(l.p90()),
              nanos(l.p99()),
              nanos(l.max()),
              f.stealRatio() < 0
                  ? "n/a"
                  : String.format(Locale.ROOT, "%.1f%%", 100 * f.stealRatio())));
    }
    return out.toString();
  }

  static String json(List<CpuFigures> all) {
    return jsonNode(all).toPrettyString();
  }

  /** The JSON tree, so the command can add the memory probes' results to it. */
  static ObjectNode jsonNode(List<CpuFigures> all) {
    ObjectNode root = JSON.createObjectNode();
    root.put("command", "cpu");
    ArrayNode results = root.putArray("results");
    for (CpuFigures f : all) {
      ObjectNode r = results.addObject();
      r.put("kernel", f.kernel());
      r.put("status", f.status());
      if (!f.message().isEmpty()) {
        r.put("message", f.message());
      }
      ObjectNode params = r.putObject("params");
      f.params().forEach(params::put);
      if (f.status().equals("OK")) { // a failed run's zeros would read as measurements
        r.put("ops_per_second", f.opsPerSecond());
        r.set("iteration_nanos", JSON.valueToTree(f.iterations()));
      }
      if (f.stealRatio() < 0) {
        r.putNull("steal_ratio"); // unknown, which is not the same as no steal
      } else {
        r.put("steal_ratio", f.stealRatio());
      }
    }
    return root;
  }

  /** A latency in the unit that keeps three or four significant figures readable. */
  static String nanos(long nanos) {
    if (nanos >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    } else if (nanos >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    } else if (nanos >= 1_000L) {
      return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
    }
    return nanos + " ns";
  }
}
