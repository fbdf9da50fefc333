package io.guestbench.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestbench.agent.probe.os.ClockReading;
import io.guestbench.agent.probe.os.TimerReport;
import java.util.Locale;
import java.util.Optional;

/** The timer check as the {@code os} command prints it: a table, or a JSON object. */
final class TimerView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROW = "%-18s %11s %11s%n";

  private TimerView() {}

  static String table(TimerReport report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, ROW, "clock", "read", "step"));
    for (ClockReading c : report.clocks()) {
      if (c.available()) {
        out.append(
            String.format(
                Locale.ROOT,
                ROW,
                c.clock().label(),
                MethodReport.nanos(c.readNanos()),
                MethodReport.nanos(c.stepNanos())));
      } else {
        out.append(
            String.format(Locale.ROOT, "%-18s missing: %s%n", c.clock().label(), c.missing()));
      }
    }
    out.append("clocksource ").append(report.clocksource().orElse("unknown"));
    if (Double.isFinite(report.ffmCallNanos())) {
      out.append(", FFM call ").append(MethodReport.nanos(report.ffmCallNanos()));
      out.append(" (subtracted from clock_gettime reads)");
    }
    Optional<String> fallback = report.fallback();
    out.append(System.lineSeparator())
        .append("syscall fallback: ")
        .append(fallback.map(r -> "suspected (" + r + ")").orElse("no"))
        .append(System.lineSeparator());
    return out.toString();
  }

  static ObjectNode json(TimerReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("clocksource", report.clocksource().orElse(null));
    if (Double.isFinite(report.ffmCallNanos())) {
      root.put("ffm_call_ns", report.ffmCallNanos());
    }
    root.put("syscall_fallback", report.fallback().isPresent());
    report.fallback().ifPresent(r -> root.put("syscall_fallback_reason", r));
    ArrayNode clocks = root.putArray("clocks");
    for (ClockReading c : report.clocks()) {
      ObjectNode clock = clocks.addObject();
      clock.put("clock", c.clock().label());
      if (c.available()) {
        clock.put("read_ns", c.readNanos());
        clock.put("step_ns", c.stepNanos());
      } else {
        clock.put("missing", c.missing());
      }
    }
    return root;
  }
}
