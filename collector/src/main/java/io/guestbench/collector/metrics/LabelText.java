package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.nio.charset.StandardCharsets;

/**
 * A series' labels as both text formats write them, rendered once when the series is created: the
 * UTF-8 of {@code {name="value",...}} without the closing brace, so a histogram bucket can append
 * its {@code le}. Names in the order {@link Labels} keeps them (sorted), values escaped as the
 * Prometheus client escapes them (backslash, double quote, newline).
 */
final class LabelText {
  private LabelText() {}

  /** The rendered labels; empty when there are none. */
  static byte[] of(Labels labels) {
    if (labels.isEmpty()) {
      return new byte[0];
    }
    StringBuilder s = new StringBuilder(labels.size() * 24);
    s.append('{');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(labels.getPrometheusName(i)).append("=\"");
      escape(s, labels.getValue(i));
      s.append('"');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  static void escape(StringBuilder s, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '"' -> s.append("\\\"");
        case '\n' -> s.append("\\n");
        default -> s.append(c);
      }
    }
  }
}
