package io.guestbench.collector.report;

import static io.guestbench.collector.report.AnswerHtml.esc;

import io.guestbench.collector.compare.CompareReport;
import io.guestbench.collector.compare.Comparison;
import io.guestbench.collector.compare.RatioInterval;
import io.guestbench.collector.compare.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forest plot of every ratio with its interval, on a log scale around 1: one line per
 * configuration, metric and group, coloured by the verdict (green better, red worse, grey none).
 */
final class RatioChart {
  private static final int WIDTH = 1100;
  private static final int LABEL = 560;
  private static final int RIGHT = 30;
  private static final int ROW = 20;
  private static final int TOP = 34;
  private static final double[] TICKS = {
    0.1, 0.2, 0.25, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 4, 5, 10
  };

  private record Line(Row row, Comparison comparison, RatioInterval ratio) {}

  private RatioChart() {}

  static String svg(CompareReport report) {
    List<Line> lines = new ArrayList<>();
    for (Row r : report.rows()) {
      for (Comparison c : r.comparisons()) {
        c.ratio().ifPresent(ratio -> lines.add(new Line(r, c, ratio)));
      }
    }
    if (lines.isEmpty()) {
      return "<p>No ratios to chart.</p>\n";
    }
    double lo = 1;
    double hi = 1;
    for (Line l : lines) {
      lo = Math.min(lo, l.ratio().lower());
      hi = Math.max(hi, l.ratio().upper());
    }
    double logLo = Math.log(lo) - 0.1 * Math.max(0.05, Math.log(hi / lo));
    double logHi = Math.log(hi) + 0.1 * Math.max(0.05, Math.log(hi / lo));
    Scale x = new Scale(logLo, logHi, LABEL, WIDTH - RIGHT);
    int height = TOP + lines.size() * ROW + 10;
    StringBuilder out = new StringBuilder();
    out.append(
        "<svg id=\"ratios\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"ratio of medians with intervals\">\n"
            .formatted(WIDTH, height, WIDTH, height));
    for (double t : TICKS) {
      if (Math.log(t) >= logLo && Math.log(t) <= logHi) {
        double px = x.at(t);
        out.append(
            "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>"
                .formatted(px, px, TOP - 6, height - 6, t == 1 ? "#57606a" : "#eaeef2"));
        out.append(
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n"
                .formatted(px, TOP - 12, tick(t)));
      }
    }
    out.append(
        "<text x=\"0\" y=\"%d\">ratio of medians, group over %s (log scale)</text>\n"
            .formatted(TOP - 12, esc(report.reference())));
    int y = TOP + ROW / 2;
    boolean manyGroups = report.groups().size() > 2;
    for (Line l : lines) {
      String label =
          l.row().config()
              + " · "
              + l.row().metric()
              + (manyGroups ? " · " + l.comparison().group() : "");
      String outcome = l.comparison().verdict().outcome().name().toLowerCase(Locale.ROOT);
      String colour =
          switch (AnswerHtml.outcomeClass(outcome)) {
            case "better" -> "#1a7f37";
            case "worse" -> "#cf222e";
            default -> "#8c959f";
          };
      RatioInterval r = l.ratio();
      out.append(
          "<g class=\"ratio\" data-config=\"%s\" data-metric=\"%s\" data-group=\"%s\" data-estimate=\"%s\" data-lower=\"%s\" data-upper=\"%s\" data-outcome=\"%s\">"
              .formatted(
                  esc(l.row().config()),
                  esc(l.row().metric()),
                  esc(l.comparison().group()),
                  r.estimate(),
                  r.lower(),
                  r.upper(),
                  outcome));
      out.append("<title>").append(esc(l.comparison().verdict().text())).append("</title>");
      out.append("<text x=\"0\" y=\"%d\">%s</text>".formatted(y + 4, esc(shorten(label, 84))));
      out.append(
          "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
              .formatted(x.at(r.lower()), x.at(r.upper()), y, y, colour));
      out.append(
          "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\"/></g>\n"
              .formatted(x.at(r.estimate()), y, colour));
      y += ROW;
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static String tick(double t) {
    return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** A log scale from ratios to pixels. */
  private record Scale(double logLo, double logHi, double left, double right) {
    double at(double ratio) {
      double clamped = Math.max(Math.exp(logLo), Math.min(Math.exp(logHi), ratio));
      return left + (Math.log(clamped) - logLo) / (logHi - logLo) * (right - left);
    }
  }
}
