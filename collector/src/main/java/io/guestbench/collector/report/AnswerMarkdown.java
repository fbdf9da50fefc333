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
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The answer as a Markdown document a person reads: speed, then trouble, then what is missing. */
public final class AnswerMarkdown {
  private AnswerMarkdown() {}

  public static String render(Answer answer) {
    CompareReport speed = answer.speed();
    StringBuilder out = new StringBuilder();
    out.append("# guestbench: ").append(speed.by()).append(" side by side\n\n");
    out.append(
        "%s · %d runs · groups: %s · reference: %s · %d%% bootstrap intervals (%d resamples, seed %d),"
                .formatted(
                    answer.source(),
                    answer.runs(),
                    speed.groups().isEmpty() ? "none" : String.join(", ", speed.groups()),
                    speed.reference().isEmpty() ? "none" : speed.reference(),
                    Math.round(speed.options().confidence() * 100),
                    speed.options().resamples(),
                    speed.options().seed())
            + " Mann–Whitney p < %s · generated %s\n\n"
                .formatted(plain(speed.options().alpha()), answer.generated()));
    problems(out, speed.problems(), answer.notes());
    speed(out, speed);
    trouble(out, answer.trouble());
    answer.cost().ifPresent(c -> cost(out, c));
    return out.toString();
  }

  private static void problems(StringBuilder out, List<String> problems, List<String> notes) {
    for (String p : problems) {
      out.append("> **").append(p).append("**\n");
    }
    for (String n : notes) {
      out.append("> ").append(n).append('\n');
    }
    if (!problems.isEmpty() || !notes.isEmpty()) {
      out.append('\n');
    }
  }

  private static void speed(StringBuilder out, CompareReport speed) {
    out.append("## Speed\n\n");
    if (speed.rows().isEmpty()) {
      out.append("No probe results to compare.\n\n");
      return;
    }
    out.append("| probe configuration | metric |");
    speed
        .groups()
        .forEach(g -> out.append(' ').append(cell(g)).append(": median [IQR] CV, runs |"));
    out.append(" verdict | warnings |\n|---|---|");
    speed.groups().forEach(g -> out.append("---:|"));
    out.append("---|---|\n");
    for (Row r : speed.rows()) {
      out.append("| ").append(cell(r.config())).append(" | ").append(cell(r.metric())).append(" |");
      for (GroupResult g : r.groups()) {
        out.append(' ').append(g.summary().map(AnswerMarkdown::summary).orElse("—")).append(" |");
      }
      out.append(' ')
          .append(cell(verdicts(r.comparisons())))
          .append(" | ")
          .append(cell(r.warnings().stream().map(Warning::message).collect(joined())))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void cost(StringBuilder out, CostReport cost) {
    out.append("## Cost\n\n");
    for (GroupPrice g : cost.groups()) {
      out.append("- **").append(g.group()).append("**: ").append(g.words()).append('\n');
    }
    out.append("\nPrices: ").append(cost.tableOrigin()).append(".\n\n");
    if (cost.rows().isEmpty()) {
      return;
    }
    out.append("| probe configuration | metric | work per $/hour |\n|---|---|---|\n");
    for (RowCost r : cost.rows()) {
      out.append("| ")
          .append(cell(r.config()))
          .append(" | ")
          .append(cell(r.metric()))
          .append(" | ")
          .append(
              cell(
                  r.groups().stream()
                      .map(w -> w.group() + ": " + w.words())
                      .collect(Collectors.joining("; "))))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void trouble(StringBuilder out, List<GroupTrouble> trouble) {
    out.append("## Trouble\n\n");
    if (trouble.isEmpty()) {
      out.append("No runs with the label to count trouble in.\n\n");
      return;
    }
    out.append(
        "| group | agents | runs | errors | timeouts | failures per agent-hour | median steal |"
            + " runs over steal cap | tail excursions (p99 > %s× p50) | reconnects¹ |"
            + " agents with risky facts |\n".formatted(number(TroubleCounter.TAIL_FACTOR)));
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (GroupTrouble t : trouble) {
      out.append(
          "| %s | %d | %d | %d | %d | %s | %s | %d | %d | %s | %s |\n"
              .formatted(
                  cell(t.group()),
                  t.agents(),
                  t.runs(),
                  t.errors(),
                  t.timeouts(),
                  number(t.failuresPerAgentHour()),
                  number(t.medianSteal()),
                  t.stealyRuns(),
                  t.tailExcursions(),
                  t.reconnects() < 0 ? "—" : Long.toString(t.reconnects()),
                  risky(t)));
    }
    out.append(
        "\n¹ streams opened after each agent's first, planned recycling"
            + " (collector.max_stream_lifetime) included; compare groups with each other.\n\n");
  }

  /** For example {@code xen_clocksource 2, no_sriov 2}, or a dash. */
  static String risky(GroupTrouble t) {
    if (t.riskyFacts().isEmpty()) {
      return "—";
    }
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<>(t.riskyFacts())
        .forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
    return out.toString();
  }

  private static String summary(Summary s) {
    return "%s [%s–%s] %s, %d"
        .formatted(
            number(s.median()),
            number(s.q1()),
            number(s.q3()),
            Double.isFinite(s.cv()) ? "%.1f%%".formatted(s.cv() * 100) : "—",
            s.runs());
  }

  /** A setting as written: 0.05, not 0.05000. */
  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "—";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joined() {
    return Collectors.joining("; ");
  }

  private static String verdicts(List<Comparison> comparisons) {
    return comparisons.stream().map(c -> c.verdict().text()).collect(joined());
  }
}
