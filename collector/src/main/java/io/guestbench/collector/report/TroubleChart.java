package io.guestbench.collector.report;

import static io.guestbench.collector.report.AnswerHtml.esc;

import java.util.List;

/** Bars of probe failures (errors and timeouts) per agent-hour, one per group. */
final class TroubleChart {
  private static final int WIDTH = 700;
  private static final int LABEL = 160;
  private static final int ROW = 26;
  private static final int TOP = 24;

  private TroubleChart() {}

  static String svg(List<GroupTrouble> trouble) {
    if (trouble.isEmpty()) {
      return "";
    }
    double max = 0;
    for (GroupTrouble t : trouble) {
      if (Double.isFinite(t.failuresPerAgentHour())) {
        max = Math.max(max, t.failuresPerAgentHour());
      }
    }
    int height = TOP + trouble.size() * ROW + 8;
    StringBuilder out = new StringBuilder();
    out.append(
        "<svg id=\"failures\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"probe failures per agent-hour\">\n"
            .formatted(WIDTH, height, WIDTH, height));
    out.append("<text x=\"0\" y=\"14\">probe errors and timeouts per agent-hour</text>\n");
    int y = TOP;
    for (GroupTrouble t : trouble) {
      double rate = t.failuresPerAgentHour();
      double width = Double.isFinite(rate) && max > 0 ? (WIDTH - LABEL - 90) * rate / max : 0;
      out.append(
          "<g class=\"failures\" data-group=\"%s\" data-rate=\"%s\">"
              .formatted(esc(t.group()), Double.isFinite(rate) ? Double.toString(rate) : ""));
      out.append("<text x=\"0\" y=\"%d\">%s</text>".formatted(y + 14, esc(t.group())));
      out.append(
          "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#bc4c00\"/>"
              .formatted(LABEL, y + 2, Math.max(width, 1), ROW - 8));
      out.append(
          "<text x=\"%.1f\" y=\"%d\">%s</text></g>\n"
              .formatted(LABEL + Math.max(width, 1) + 6, y + 14, AnswerMarkdown.number(rate)));
      y += ROW;
    }
    out.append("</svg>\n");
    return out.toString();
  }
}
