package io.guestbench.collector.report;

import io.guestbench.collector.compare.Comparison;
import io.guestbench.collector.compare.GroupResult;
import io.guestbench.collector.compare.Row;
import java.util.List;
import java.util.Locale;

/**
 * The speed table as CSV, one line per configuration, metric and group, for spreadsheets: the
 * group's summary and, for groups other than the reference, the ratio, interval, p-value and
 * verdict against it. RFC 4180 quoting; empty cells where nothing could be computed.
 */
public final class AnswerCsv {
  static final String HEADER =
      "config,metric,direction,group,runs,median,q1,q3,cv,steal_excluded,reference,ratio,"
          + "ratio_lower,ratio_upper,p_value,outcome,verdict,warnings";

  private AnswerCsv() {}

  public static String render(Answer answer) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (Row r : answer.speed().rows()) {
      String warnings = String.join("; ", r.warnings().stream().map(w -> w.message()).toList());
      for (GroupResult g : r.groups()) {
        Comparison c =
            r.comparisons().stream()
                .filter(x -> x.group().equals(g.group()))
                .findFirst()
                .orElse(null);
        List<String> cells =
            List.of(
                r.config(),
                r.metric(),
                r.direction().name().toLowerCase(Locale.ROOT),
                g.group(),
                Integer.toString(g.runs()),
                g.summary().map(s -> num(s.median())).orElse(""),
                g.summary().map(s -> num(s.q1())).orElse(""),
                g.summary().map(s -> num(s.q3())).orElse(""),
                g.summary().map(s -> num(s.cv())).orElse(""),
                Integer.toString(g.stealExcluded()),
                c == null ? "" : c.reference(),
                c == null ? "" : c.ratio().map(x -> num(x.estimate())).orElse(""),
                c == null ? "" : c.ratio().map(x -> num(x.lower())).orElse(""),
                c == null ? "" : c.ratio().map(x -> num(x.upper())).orElse(""),
                c == null ? "" : c.test().map(t -> num(t.p())).orElse(""),
                c == null ? "" : c.verdict().outcome().name().toLowerCase(Locale.ROOT),
                c == null ? "" : c.verdict().text(),
                warnings);
        out.append(String.join(",", cells.stream().map(AnswerCsv::quote).toList())).append("\r\n");
      }
    }
    return out.toString();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }
}
