package io.guestbench.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import io.guestbench.agent.host.imds.ImdsSettings;
import io.guestbench.agent.plan.Plan;
import io.guestbench.agent.plan.Settling;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.agent.ship.spool.SpoolSettings;
import io.guestbench.common.config.ConfigException;
import io.guestbench.common.config.ConfigNode;
import io.guestbench.common.config.ConfigProblems;
import io.guestbench.common.config.YamlDocuments;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and validates the agent's YAML config, reporting every problem at once. */
public final class AgentConfigLoader {
  static final long DEFAULT_BUFFER_BYTES = 64L << 20;

  private final ProbeCatalog catalog;
  private final HostName hostName;
  private final YamlDocuments yaml = new YamlDocuments();

  @Inject
  public AgentConfigLoader(ProbeCatalog catalog, HostName hostName) {
    this.catalog = catalog;
    this.hostName = hostName;
  }

  public AgentConfig load(Path file) throws ConfigException {
    return parse(file.toString(), yaml.read(file));
  }

  public AgentConfig parse(String origin, String text) throws ConfigException {
    return parse(origin, yaml.parse(origin, text));
  }

  private AgentConfig parse(String origin, JsonNode document) throws ConfigException {
    ConfigProblems problems = new ConfigProblems(origin);
    ConfigNode root = ConfigNode.root(document, problems);
    ConfigNode agent = root.child("agent");
    String agentId = agent.string("id", hostName.agentIdFromHost());
    if (!Identifiers.isAgentId(agentId)) {
      problems.add(agent.path("id"), agentId, "1-64 characters of A-Z a-z 0-9 . _ -");
    }
    Map<String, String> labels = Identifiers.checkLabels(agent, "labels");
    agent.finish();
    CollectorTarget collector = collector(root.child("collector"));
    ConfigNode buffer = root.child("buffer");
    long bufferBytes = buffer.bytes("max_bytes", DEFAULT_BUFFER_BYTES, 1L << 20, 16L << 30);
    buffer.finish();
    Plan plan = plan(root.child("plan"));
    ImdsSettings imds = imds(root.child("imds"));
    PeerConfig.Net net = PeerConfig.read(root.child("net"));
    if (plan.probes().isEmpty() && net.peer().isEmpty()) {
      // A serving agent may leave its plan empty and run only the collector's commands.
      problems.add(
          "plan.probes: empty (expected: at least one probe, or net.serve: true to run only"
              + " what the collector commands)");
    }
    Optional<SpoolSettings> spool = SpoolConfig.read(root.child("spool"), bufferBytes);
    root.finish();
    problems.throwIfAny();
    return new AgentConfig(
        agentId, labels, collector, bufferBytes, plan, imds, net.peer(), net.advertise(), spool);
  }

  private static CollectorTarget collector(ConfigNode node) {
    HostPort address = new HostPort("127.0.0.1", 7070);
    String text = node.string("address", null);
    if (text == null) {
      node.problems()
          .add(node.path("address") + ": missing (expected: host:port of the collector)");
    } else {
      try {
        address = HostPort.parse(text);
      } catch (IllegalArgumentException e) {
        node.problems().add(node.path("address"), text, "host:port, e.g. 10.0.0.5:7070");
      }
    }
    ClientSecurity security = ClientSecurityReader.read(node);
    Duration initial =
        node.duration(
            "reconnect_initial",
            Duration.ofMillis(200),
            Duration.ofMillis(10),
            Duration.ofMinutes(1));
    Duration max =
        node.duration("reconnect_max", Duration.ofSeconds(30), initial, Duration.ofMinutes(30));
    Duration heartbeat =
        node.duration(
            "heartbeat_interval",
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofHours(1));
    int inFlight = (int) node.integer("max_in_flight_batches", 16, 1, 1024);
    Duration lifetime =
        node.duration(
            "max_stream_lifetime",
            CollectorTarget.DEFAULT_STREAM_LIFETIME,
            Duration.ofMinutes(1),
            Duration.ofDays(7));
    node.finish();
    return new CollectorTarget(
        address.host(), address.port(), security, initial, max, heartbeat, inFlight, lifetime);
  }

  private static ImdsSettings imds(ConfigNode node) {
    ImdsSettings defaults = ImdsSettings.defaults();
    boolean enabled = node.bool("enabled", true);
    URI endpoint = defaults.endpoint();
    String text = node.string("endpoint", null);
    if (text != null) {
      try {
        endpoint = ImdsSettings.parseEndpoint(text);
      } catch (IllegalArgumentException e) {
        node.problems().add(node.path("endpoint"), text, "an http or https URL");
      }
    }
    Duration deadline =
        node.duration(
            "deadline", defaults.totalDeadline(), Duration.ofMillis(100), Duration.ofSeconds(60));
    node.finish();
    return new ImdsSettings(
        endpoint,
        defaults.tokenTtl(),
        defaults.connectTimeout(),
        defaults.requestTimeout(),
        deadline,
        enabled);
  }

  private Plan plan(ConfigNode node) {
    int rounds = (int) node.integer("rounds", 0, 0, 1_000_000);
    Duration interval =
        node.duration("interval", Duration.ofMinutes(5), Duration.ZERO, Duration.ofDays(7));
    List<ProbeSpec> probes = new ArrayList<>();
    for (ConfigNode item : node.list("probes")) {
      probes.add(probe(item));
    }
    Optional<Settling> settle = node.has("settle") ? settle(node, rounds) : Optional.empty();
    node.finish();
    return new Plan(rounds, interval, probes, settle);
  }

  /** Settling needs a cap to stop at: a finite {@code rounds} of at least {@code min_rounds}. */
  private static Optional<Settling> settle(ConfigNode plan, int rounds) {
    ConfigNode node = plan.child("settle");
    int minRounds = (int) node.integer("min_rounds", 5, 3, 1000);
    double cv = node.decimal("cv_percent", 3.5, 0.1, 100);
    double steal = node.decimal("max_steal_percent", 5, 0, 100);
    node.finish();
    if (rounds == 0 || rounds < minRounds) {
      node.problems()
          .add(
              plan.path("rounds"),
              Integer.toString(rounds),
              "at least settle.min_rounds (" + minRounds + "), the cap settling stops within");
    }
    return Optional.of(new Settling(minRounds, cv, steal));
  }

  private ProbeSpec probe(ConfigNode item) {
    String id = item.string("probe", "");
    Map<String, String> params = new LinkedHashMap<>();
    for (String key : item.keys()) {
      if (!key.equals("probe")) {
        params.put(key, item.string(key, ""));
      }
    }
    ProbeSpec spec = new ProbeSpec(id, params);
    String prefix = item.path("");
    for (String problem : catalog.check(spec)) {
      item.problems().add(prefix + problem);
    }
    return spec;
  }
}
