package io.guestbench.collector.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.guestbench.collector.ingest.IngestLimits;
import io.guestbench.collector.metrics.SeriesLimits;
import io.guestbench.collector.schedule.ScheduleConfig;
import io.guestbench.collector.schedule.ScheduleConfigReader;
import io.guestbench.collector.security.ServerSecurity;
import io.guestbench.common.config.ConfigException;
import io.guestbench.common.config.ConfigNode;
import io.guestbench.common.config.ConfigProblems;
import io.guestbench.common.config.YamlDocuments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/** Reads and validates the collector's YAML config, reporting every problem at once. */
public final class CollectorConfigLoader {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private final YamlDocuments yaml = new YamlDocuments();
  private final String defaultId;
  private final boolean plaintextFlag;

  public CollectorConfigLoader(String defaultId) {
    this(defaultId, false);
  }

  private CollectorConfigLoader(String defaultId, boolean plaintextFlag) {
    this.defaultId = defaultId;
    this.plaintextFlag = plaintextFlag;
  }

  /** A loader for which plaintext ingest was chosen on the command line ({@code --plaintext}). */
  public CollectorConfigLoader plaintextChosen() {
    return new CollectorConfigLoader(defaultId, true);
  }

  public CollectorConfig load(Path file) throws ConfigException {
    return parse(file.toString(), yaml.read(file));
  }

  public CollectorConfig parse(String origin, String text) throws ConfigException {
    return parse(origin, yaml.parse(origin, text));
  }

  /** Every default, as if the file were empty. */
  public CollectorConfig defaults() throws ConfigException {
    return parse("(defaults)", MissingNode.getInstance());
  }

  private CollectorConfig parse(String origin, JsonNode document) throws ConfigException {
    ConfigProblems problems = new ConfigProblems(origin);
    ConfigNode root = ConfigNode.root(document, problems);
    ConfigNode server = root.child("server");
    String bind = server.string("bind", "0.0.0.0");
    int grpcPort = (int) server.integer("grpc_port", 7070, 0, 65535);
    int httpPort = (int) server.integer("http_port", 9464, 0, 65535);
    String id = server.string("collector_id", defaultId);
    if (!ID.matcher(id).matches()) {
      problems.add(server.path("collector_id"), id, "1-64 characters of A-Z a-z 0-9 . _ -");
    }
    ServerSecurity security = ServerSecurityReader.read(server, root.child("auth"), plaintextFlag);
    server.finish();
    ConfigNode limits = root.child("limits");
    int maxMessage = (int) limits.bytes("max_message_bytes", 4 << 20, 64 << 10, 64 << 20);
    int maxResults = (int) limits.integer("max_results_per_batch", 1000, 1, 100_000);
    long perSecond = limits.integer("agent_results_per_second", 2000, 1, 10_000_000);
    long burst =
        limits.integer("agent_results_burst", Math.max(10_000, maxResults), 1, 100_000_000);
    if (burst < maxResults) {
      problems.add(
          limits.path("agent_results_burst"),
          String.valueOf(burst),
          "at least max_results_per_batch ("
              + maxResults
              + "), or a full batch could never be accepted");
      burst = maxResults;
    }
    long agentSeries = limits.integer("agent_series", 5_000, 1, 10_000_000);
    long allSeries = limits.integer("series", 200_000, 1, 100_000_000);
    if (allSeries < agentSeries) {
      problems.add(
          limits.path("series"),
          String.valueOf(allSeries),
          "at least limits.agent_series (" + agentSeries + ")");
      allSeries = agentSeries;
    }
    limits.finish();
    ConfigNode metrics = root.child("metrics");
    Duration ttl =
        metrics.duration(
            "agent_ttl", Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofDays(30));
    metrics.finish();
    ConfigNode shutdown = root.child("shutdown");
    Duration grace =
        shutdown.duration("grace", Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(10));
    shutdown.finish();
    ScheduleConfig schedule = ScheduleConfigReader.read(root.child("schedule"));
    JournalConfig journal = journal(root.child("journal"));
    Path prices = pricesFile(root.child("prices"), journal);
    root.finish();
    problems.throwIfAny();
    return new CollectorConfig(
        bind,
        grpcPort,
        httpPort,
        id,
        security,
        new IngestLimits(maxMessage, maxResults, perSecond, burst),
        new SeriesLimits(agentSeries, allSeries),
        ttl,
        grace,
        schedule,
        journal,
        prices);
  }

  private static Path pricesFile(ConfigNode node, JournalConfig journal) {
    String file = node.string("file", "");
    node.finish();
    return file.isBlank() ? CollectorConfig.defaultPricesFile(journal.dir()) : Path.of(file);
  }

  private static JournalConfig journal(ConfigNode node) {
    String dir = node.string("dir", JournalConfig.DEFAULT_DIR.toString());
    if (dir.isBlank()) {
      node.problems().add(node.path("dir"), "\"\"", "a directory path");
      dir = JournalConfig.DEFAULT_DIR.toString();
    }
    long segment = node.bytes("segment_bytes", 64L << 20, 1L << 20, 1L << 30);
    long retain = node.bytes("retain_bytes", 10L << 30, 1L << 20, 1L << 50);
    if (retain < segment) {
      node.problems()
          .add(
              node.path("retain_bytes"),
              String.valueOf(retain),
              "at least segment_bytes, " + segment);
      retain = segment;
    }
    Duration age =
        node.duration(
            "retain_age", Duration.ofDays(30), Duration.ofMinutes(1), Duration.ofDays(3650));
    boolean fsync = node.bool("fsync", true);
    long pending = node.bytes("max_pending_bytes", 64L << 20, 1L << 20, 1L << 30);
    Duration horizon =
        node.duration(
            "dedupe_horizon",
            JournalConfig.DEFAULT_DEDUPE_HORIZON,
            Duration.ofHours(1),
            Duration.ofDays(3650));
    boolean directIo = node.bool("direct_io", true);
    node.finish();
    return new JournalConfig(Path.of(dir), segment, retain, age, fsync, pending, horizon, directIo);
  }
}
