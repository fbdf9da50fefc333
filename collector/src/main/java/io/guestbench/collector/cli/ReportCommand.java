package io.guestbench.collector.cli;

import io.guestbench.collector.compare.CompareOptions;
import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.report.Answer;
import io.guestbench.collector.report.AnswerFormat;
import io.guestbench.collector.report.JournalRuns;
import io.guestbench.common.config.ConfigException;
import io.guestbench.common.text.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code report}: the side-by-side answer (speed with confidence intervals, trouble) from the
 * journal, printed as Markdown, JSON or CSV.
 */
@Command(
    name = "report",
    description =
        "Compare groups of agents (by virt_type unless told) from the collector's journal.")
public final class ReportCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--journal-dir",
      paramLabel = "DIR",
      description = "Journal to read (default: journal.dir of --config, else ${DEFAULT-VALUE}).")
  Path journalDir;

  @Option(
      names = "--by",
      paramLabel = "LABEL",
      description = "Label to group by: virt_type (default), instance_type, experiment, agent_id.")
  String by = "virt_type";

  @Option(names = "--reference", paramLabel = "GROUP", description = "Group to compare against.")
  String reference;

  @Option(
      names = "--format",
      paramLabel = "md|json|csv|html",
      description = "Output format (default: md); html is the /compare page, self-contained.")
  String format = "md";

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Only results stored in the last DURATION, for example 24h (default: all).")
  String since;

  @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: 1).")
  long seed = 1;

  @Option(
      names = "--resamples",
      paramLabel = "N",
      description = "Bootstrap resamples per interval (default: 2000).")
  int resamples = 2000;

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    Optional<AnswerFormat> out = AnswerFormat.named(format);
    if (out.isEmpty()) {
      problems.add("--format: " + format + " (expected: md, json, csv or html)");
    }
    Optional<Instant> from = Optional.empty();
    if (since != null) {
      try {
        Duration window = Durations.parse(since);
        from = Optional.of(Instant.now().minus(window));
      } catch (IllegalArgumentException e) {
        problems.add("--since: " + since + " (expected: a duration such as 90m or 24h)");
      }
    }
    CompareOptions options = null;
    try {
      options = CompareOptions.defaults().by(by).bootstrap(seed, resamples);
      if (reference != null) {
        options = options.reference(reference);
      }
    } catch (IllegalArgumentException e) {
      problems.addAll(List.of(e.getMessage().replace("compare.by", "--by").split("\n")));
    }
    Path dir;
    try {
      dir = journalDir();
    } catch (ConfigException e) {
      e.problems().forEach(problems::add);
      dir = null;
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("guestbench collector report: " + p));
      return 2;
    }
    try {
      JournalRuns.Read read = new JournalRuns().read(dir, from);
      List<String> notes = new ArrayList<>();
      if (read.unknownProbes() > 0) {
        notes.add(read.unknownProbes() + " results of probes this collector does not know skipped");
      }
      if (read.damaged() > 0) {
        notes.add(read.damaged() + " damaged journal records skipped");
      }
      Answer answer = Answer.of("journal " + dir, Instant.now(), read.runs(), options, notes);
      System.out.print(out.get().render(answer));
      return 0;
    } catch (IOException e) {
      System.err.println("guestbench collector report: " + e.getMessage());
      return 1;
    }
  }

  private Path journalDir() throws ConfigException {
    if (journalDir != null) {
      return journalDir;
    }
    if (config.file != null) {
      config.plaintext = true; // the report serves nothing; do not insist on server.tls
      return config.load().journal().dir();
    }
    return JournalConfig.DEFAULT_DIR;
  }
}
