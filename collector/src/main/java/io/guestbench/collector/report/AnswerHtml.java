package io.guestbench.collector.report;

import io.guestbench.collector.compare.CompareReport;
import io.guestbench.collector.compare.Comparison;
import io.guestbench.collector.compare.GroupResult;
import io.guestbench.collector.compare.Row;
import io.guestbench.collector.compare.Summary;
import io.guestbench.collector.compare.Warning;
import io.guestbench.collector.cost.CostReport;
import io.guestbench.collector.cost.GroupPrice;
import io.guestbench.collector.cost.RowCost;
import io.guestbench.collector.cost.WorkPerDollar;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer as one self-contained HTML page: inline CSS and SVG, no script, no external asset, so
 * it works offline and can be saved as a file. Every plotted figure also sits in {@code data-*}
 * attributes with full precision, so a test can check the page against the JSON.
 */
public final class AnswerHtml {
  private static final String STYLE =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2328;max-width:1200px}
      h1{font-size:22px}h2{font-size:18px;margin-top:28px}
      table{border-collapse:collapse;margin:8px 0}
      td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      .problem{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;margin:4px 0}
      .note{color:#57606a}
      .better{color:#1a7f37}.worse{color:#cf222e}
      svg text{font:12px system-ui,sans-serif;fill:#1f2328}
      """;

  private AnswerHtml() {}

  public static String render(Answer answer) {
    CompareReport speed = answer.speed();
    StringBuilder out = new StringBuilder(16_384);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>guestbench: ")
        .append(esc(speed.by()))
        .append(" side by side</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    out.append("<h1>guestbench: ").append(esc(speed.by())).append(" side by side</h1>\n");
    out.append("<p class=\"note\" id=\"source\">")
        .append(esc(answer.source()))
        .append(" · <span id=\"runs\">")
        .append(answer.runs())
        .append("</span> runs · groups: ")
        .append(esc(speed.groups().isEmpty() ? "none" : String.join(", ", speed.groups())))
        .append(" · reference: ")
        .append(esc(speed.reference().isEmpty() ? "none" : speed.reference()))
        .append(
            " · %d%% bootstrap intervals (%d resamples, seed %d), Mann–Whitney p &lt; %s"
                .formatted(
                    Math.round(speed.options().confidence() * 100),
                    speed.options().resamples(),
                    speed.options().seed(),
                    AnswerMarkdown.plain(speed.options().alpha())))
        .append(" · generated ")
        .append(esc(answer.generated().toString()))
        .append("</p>\n");
    for (String p : speed.problems()) {
      out.append("<div class=\"problem\">").append(esc(p)).append("</div>\n");
    }
    for (String n : answer.notes()) {
      out.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
    }
    out.append("<h2>Speed: each group against ").append(esc(speed.reference())).append("</h2>\n");
    out.append(RatioChart.svg(speed));
    speedTable(out, speed);
    out.append("<h2>Trouble</h2>\n");
    out.append(TroubleChart.svg(answer.trouble()));
    troubleTable(out, answer.trouble());
    answer.cost().ifPresent(c -> cost(out, c));
    out.append("</body></html>\n");
    return out.toString();
  }

  private static void speedTable(StringBuilder out, CompareReport speed) {
    if (speed.rows().isEmpty()) {
      out.append("<p>No probe results to compare.</p>\n");
      return;
    }
    out.append("<table id=\"speed\"><tr><th>probe configuration</th><th>metric</th>");
    speed
        .groups()
        .forEach(g -> out.append("<th>").append(esc(g)).append(": median [IQR] CV, runs</th>"));
    out.append("<th>verdict</th><th>warnings</th></tr>\n");
    for (Row r : speed.rows()) {
      out.append("<tr><td>").append(esc(r.config())).append("</td><td>").append(esc(r.metric()));
      out.append("</td>");
      for (GroupResult g : r.groups()) {
        out.append("<td class=\"n\" data-group=\"").append(esc(g.group())).append('"');
        g.summary().ifPresent(s -> out.append(" data-median=\"").append(s.median()).append('"'));
        out.append('>').append(g.summary().map(AnswerHtml::summary).orElse("—")).append("</td>");
      }
      out.append("<td>");
      for (Comparison c : r.comparisons()) {
        String outcome = c.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT);
        out.append("<div class=\"")
            .append(outcomeClass(outcome))
            .append("\">")
            .append(esc(c.verdict().text()))
            .append("</div>");
      }
      out.append("</td><td>")
          .append(
              esc(r.warnings().stream().map(Warning::message).collect(Collectors.joining("; "))))
          .append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void cost(StringBuilder out, CostReport cost) {
    out.append("<h2>Cost</h2>\n<ul id=\"prices\">");
    for (GroupPrice g : cost.groups()) {
      out.append("<li><b>").append(esc(g.group())).append("</b>: ").append(esc(g.words()));
      out.append("</li>");
    }
    out.append("</ul>\n<p class=\"note\">Prices: ").append(esc(cost.tableOrigin()));
    out.append("</p>\n");
    if (cost.rows().isEmpty()) {
      return;
    }
    out.append("<table id=\"cost\"><tr><th>probe configuration</th><th>metric</th>");
    out.append("<th>work per $/hour</th></tr>\n");
    for (RowCost r : cost.rows()) {
      out.append("<tr><td>").append(esc(r.config())).append("</td><td>").append(esc(r.metric()));
      out.append("</td><td>");
      for (WorkPerDollar w : r.groups()) {
        out.append("<div>").append(esc(w.group() + ": " + w.words())).append("</div>");
      }
      out.append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void troubleTable(StringBuilder out, List<GroupTrouble> trouble) {
    if (trouble.isEmpty()) {
      out.append("<p>No runs with the label to count trouble in.</p>\n");
      return;
    }
    out.append(
        "<table id=\"trouble\"><tr><th>group</th><th>agents</th><th>runs</th><th>errors</th>"
            + "<th>timeouts</th><th>failures per agent-hour</th><th>median steal</th>"
            + "<th>runs over steal cap</th><th>tail excursions</th>"
            + "<th>reconnects (recycling included)</th><th>agents with risky facts</th></tr>\n");
    for (GroupTrouble t : trouble) {
      out.append("<tr data-group=\"")
          .append(esc(t.group()))
          .append("\"><td>")
          .append(esc(t.group()))
          .append("</td>");
      cells(out, t.agents(), t.runs(), t.errors(), t.timeouts());
      out.append("<td class=\"n\">").append(AnswerMarkdown.number(t.failuresPerAgentHour()));
      out.append("</td><td class=\"n\">").append(AnswerMarkdown.number(t.medianSteal()));
      out.append("</td>");
      cells(out, t.stealyRuns(), t.tailExcursions());
      out.append("<td class=\"n\">").append(t.reconnects() < 0 ? "—" : t.reconnects());
      out.append("</td><td>").append(esc(AnswerMarkdown.risky(t))).append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void cells(StringBuilder out, long... values) {
    for (long v : values) {
      out.append("<td class=\"n\">").append(v).append("</td>");
    }
  }

  private static String summary(Summary s) {
    return esc(
        "%s [%s–%s] %s, %d"
            .formatted(
                AnswerMarkdown.number(s.median()),
                AnswerMarkdown.number(s.q1()),
                AnswerMarkdown.number(s.q3()),
                Double.isFinite(s.cv()) ? "%.1f%%".formatted(s.cv() * 100) : "—",
                s.runs()));
  }

  static String outcomeClass(String outcome) {
    return switch (outcome) {
      case "better" -> "better";
      case "worse" -> "worse";
      default -> "same";
    };
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
