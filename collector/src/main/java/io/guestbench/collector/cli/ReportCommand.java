package io.guestbench.collector.cli;

import io.guestbench.collector.compare.CompareOptions;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.cost.PriceDataException;
import io.guestbench.collector.cost.PriceFile;
import io.guestbench.collector.cost.PriceTable;
import io.guestbench.collector.report.Answer;
import io.guestbench.collector.report.AnswerFormat;
import io.guestbench.collector.report.JournalRuns;
import io.guestbench.collector.report.PrometheusRuns;
import io.guestbench.common.config.ConfigException;
import io.guestbench.common.text.Durations;
import java.io.IOException;
import java.net.URI;
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
      names = "--prometheus",
      paramLabel = "URL",
      description =
          "Read from a Prometheus-compatible query API (Prometheus, Thanos, Mimir) instead of"
              + " the journal, for example http://prometheus:9090; the window is --since (24h).")
  String prometheus;

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

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description =
          "Imported price table (default: prices.file of --config, else prices.json beside the"
              + " journal); the built-in 2017 prices fill in what it lacks.")
  Path prices;

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
    Optional<Duration> window = Optional.empty();
    if (since != null) {
      try {
        window = Optional.of(Durations.parse(since));
      } catch (IllegalArgumentException e) {
        problems.add("--since: " + since + " (expected: a duration such as 90m or 24h)");
      }
    }
    URI api = null;
    if (prometheus != null) {
      try {
        api = URI.create(prometheus);
        if (!List.of("http", "https").contains(String.valueOf(api.getScheme()))
            || api.getHost() == null) {
          throw new IllegalArgumentException("not http");
        }
      } catch (IllegalArgumentException e) {
        problems.add(
            "--prometheus: "
                + prometheus
                + " (expected: an http(s) URL such as http://prometheus:9090)");
      }
      if (journalDir != null) {
        problems.add("--prometheus and --journal-dir: choose one source");
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
    Path dir = null;
    if (api == null && prometheus == null) {
      try {
        dir = journalDir();
      } catch (ConfigException e) {
        e.problems().forEach(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("guestbench collector report: " + p));
      return 2;
    }
    Optional<PriceTable> table;
    try {
      table = Optional.of(new PriceFile(pricesFile(dir)).tableInUse());
    } catch (PriceDataException | ConfigException e) {
      System.err.println("guestbench collector report: " + e.getMessage());
      return 1;
    }
    try {
      if (api != null) {
        System.out.print(out.get().render(fromPrometheus(api, window, table, options)));
        return 0;
      }
      Optional<Instant> from = window.map(w -> Instant.now().minus(w));
      JournalRuns.Read read = new JournalRuns().read(dir, from);
      List<String> notes = new ArrayList<>();
      if (read.unknownProbes() > 0) {
        notes.add(read.unknownProbes() + " results of probes this collector does not know skipped");
      }
      if (read.damaged() > 0) {
        notes.add(read.damaged() + " damaged journal records skipped");
      }
      Answer answer =
          Answer.of("journal " + dir, Instant.now(), read.runs(), table, options, notes);
      System.out.print(out.get().render(answer));
      return 0;
    } catch (IOException e) {
      System.err.println("guestbench collector report: " + e.getMessage());
      return 1;
    }
  }

  private static Answer fromPrometheus(
      URI api, Optional<Duration> window, Optional<PriceTable> table, CompareOptions options)
      throws IOException {
    Duration span = window.orElse(Duration.ofHours(24));
    Instant now = Instant.now();
    PrometheusRuns.Read read = new PrometheusRuns(api).read(span, now, options.by());
    List<String> notes =
        List.of(
            "from Prometheus: each change of a probe's gauge in the last %s is one run (%d series);"
                    .formatted(Durations.format(span), read.series())
                + " distribution quantiles, steal and tail excursions are only in the journal");
    return Answer.of(
        "prometheus " + api + " (last " + Durations.format(span) + ")",
        now,
        read.runs(),
        read.trouble(),
        table,
        options,
        notes);
  }

  private Path pricesFile(Path journal) throws ConfigException {
    if (prices != null) {
      return prices;
    }
    if (config.file != null) {
      config.plaintext = true;
      return config.load().pricesFile();
    }
    return CollectorConfig.defaultPricesFile(journal != null ? journal : JournalConfig.DEFAULT_DIR);
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
