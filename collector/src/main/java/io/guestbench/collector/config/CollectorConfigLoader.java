package io.guestbench.collector.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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

  public CollectorConfigLoader(String defaultId) {
    this.defaultId = defaultId;
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
    server.finish();
    ConfigNode limits = root.child("limits");
    int maxMessage = (int) limits.bytes("max_message_bytes", 4 << 20, 64 << 10, 64 << 20);
    int maxResults = (int) limits.integer("max_results_per_batch", 1000, 1, 100_000);
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
    root.finish();
    problems.throwIfAny();
    return new CollectorConfig(bind, grpcPort, httpPort, id, maxMessage, maxResults, ttl, grace);
  }
}
