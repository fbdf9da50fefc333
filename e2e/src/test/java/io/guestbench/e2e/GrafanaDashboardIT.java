package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestbench.e2e.GrafanaDashboard.Target;
import io.guestbench.e2e.GrafanaDashboard.Variable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Grafana dashboard against real data: a real collector, a real Prometheus scraping it and two
 * real agents whose guest type is detected, not declared — one reads a Xen PV host tree, the other
 * a Xen HVM one (the agent's fixtures, with this machine's real {@code /proc/stat} linked in so
 * that steal is measured). Both run a short plan covering every probe the dashboard shows, twice,
 * so that rates over histograms have two points. Then every query of every panel, its variables
 * substituted as Grafana would, is run against Prometheus and must return data.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GrafanaDashboardIT extends RealProcessTest {
  private static final String PRICE = "guestbench_instance_price_dollars_per_hour";
  private static final Set<String> GROUPS = Set.of("xen-pv", "xen-hvm");
  private static final String METHOD =
      "warmup: 0s, repetition: 5ms, min_repetitions: 2, max_repetitions: 2";
  // As in OsProbesIT: a figure net of a baseline call needs compiled loops and more than a
  // scheduler tick, or a busy machine turns the run into an error and the panel loses a group.
  private static final String NET_OF_BASELINE =
      "warmup: 200ms, repetition: 20ms, min_repetitions: 5, max_repetitions: 5";

  @Test
  void everyPanelQueryReturnsDataForBothGuestTypes() throws Exception {
    GrafanaDashboard dashboard =
        GrafanaDashboard.read(
            Path.of(System.getProperty("guestbench.grafana.dashboards"))
                .resolve("guestbench-pv-vs-hvm.json"));
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    PrometheusServer prometheus = PrometheusServer.start(runner, dir, collector.httpPort);
    try (LoopbackImds imds =
        new LoopbackImds(Map.of("instance-type", "m3.medium", "placement/region", "us-east-1"))) {
      Process pv = agent("pv", "xen-pv-new-kernel", collector, imds, true);
      Process hvm = agent("hvm", "xen-hvm-pv-drivers", collector, imds, false);
      finished("pv", pv, 28);
      finished("hvm", hvm, 26);
    }

    Map<String, String> values = new LinkedHashMap<>();
    Set<String> noValues = resolve(dashboard, prometheus, values);
    boolean priced = !prometheus.query("count(" + PRICE + ")").isEmpty();
    List<Target> required = new ArrayList<>();
    List<Target> skipped = new ArrayList<>();
    for (Target t : dashboard.targets) {
      assertThat(t.datasourceUid()).as(t.toString()).isEqualTo("${datasource}");
      (t.expr().contains(PRICE) && !priced ? skipped : required).add(t);
    }
    if (!priced) {
      // Not faked: the price gauge is the cost work's (issue #8 item 4). Until the collector
      // exports it, the per-dollar panels have nothing to divide by and are left out here.
      System.err.printf(
          "GrafanaDashboardIT: %s is not exported yet, skipping %d per-dollar queries: %s%n",
          PRICE, skipped.size(), skipped);
      assertThat(skipped).isNotEmpty().allMatch(t -> t.row().startsWith("Per dollar"));
    }
    for (Target t : required) {
      for (String empty : noValues) {
        assertThat(t.expr()).as("%s uses %s, which has no values", t, empty).doesNotContain(empty);
      }
    }

    Map<Target, String> problems = awaitData(prometheus, required, values);
    assertThat(problems).as("panels without the data they should show").isEmpty();
    assertThat(errorsPerAgentHour(dashboard, prometheus, values))
        .as("the PV agent's probe against a closed port counts as an error")
        .isPositive();
    assertThat(collector.terminate(20)).isZero();
  }

  /** Starts an agent on a host tree of {@code fixture}; the PV one also has a failing probe. */
  private Process agent(
      String name, String fixture, CollectorProcess collector, LoopbackImds imds, boolean failing)
      throws Exception {
    Path root = hostRoot(name, fixture);
    int port = freePort();
    String peer = "127.0.0.1:" + port;
    Path scratch = Files.createDirectories(dir.resolve("scratch-" + name));
    String disk = "bs: 4k, size: 1M, runtime: 300ms, direct: 0, directory: \"" + scratch + "\"";
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(
        config,
        """
        agent:
          labels: {experiment: grafana-it}
        collector: {address: "127.0.0.1:%d", plaintext: true, heartbeat_interval: 1s}
        imds: {endpoint: "%s", deadline: 20s}
        net: {serve: true, bind: 127.0.0.1, port: %d}
        plan:
          rounds: 2
          interval: 1s
          probes:
            - {probe: disk.job, rw: randread, %s}
            - {probe: disk.job, rw: randwrite, fdatasync: 1, %s}
            - {probe: net.stream, peer: "%s", direction: both, warmup: 100ms, duration: 1s, interval: 250ms}
            - {probe: net.rr, peer: "%s", warmup: 100ms, duration: 1s}
            - {probe: net.udp, peer: "%s", bitrate: 10M, warmup: 100ms, duration: 1s}
            - {probe: cpu.compute, kernel: int, warmup: 100ms, iterations: 3}
            - {probe: cpu.mem_bandwidth, kernel: triad, array_bytes: 1048576, %s}
            - {probe: cpu.mem_latency, buffer_bytes: 1048576, %s}
            - {probe: os.clock_read, clock: nanotime, %s}
            - {probe: os.syscall, %s}
            - {probe: os.page_fault, region_bytes: 1048576, %s}
            - {probe: os.spawn, %s}
            - {probe: os.context_switch, %s}
        %s
        """
            .formatted(
                collector.grpcPort,
                imds.endpoint(),
                port,
                disk,
                disk,
                peer,
                peer,
                peer,
                METHOD,
                METHOD,
                METHOD,
                NET_OF_BASELINE,
                METHOD,
                METHOD,
                METHOD,
                failing
                    ? "    - {probe: net.rr, peer: \"127.0.0.1:1\", warmup: 100ms, duration: 1s}"
                    : ""));
    return runner.start(
        "agent-" + name,
        ProcessRunner.jar(
            "guestbench.agent.jar",
            "run",
            "--config",
            config.toString(),
            "--agent-id",
            "grafana-" + name,
            "--spool-dir",
            dir.resolve("spool").toString(),
            "--host-root",
            root.toString()));
  }

  /**
   * A copy of the fixture host (its driver links kept as links) whose {@code proc/stat} is this
   * machine's, so the steal sampler measures real CPU time while detection sees the fixture.
   */
  private Path hostRoot(String name, String fixture) throws IOException {
    Path from = Path.of(System.getProperty("guestbench.host.fixtures")).resolve(fixture);
    Path to = dir.resolve("host-" + name);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path src : files.toList()) {
        Path dst = to.resolve(from.relativize(src).toString());
        if (Files.isSymbolicLink(src)) {
          Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
        } else if (Files.isDirectory(src)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(src, dst);
        }
      }
    }
    Path stat = to.resolve("proc/stat");
    Files.deleteIfExists(stat);
    Files.createSymbolicLink(stat, Path.of("/proc/stat"));
    return to;
  }

  private void finished(String name, Process p, int results) throws Exception {
    String what = "agent-" + name;
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError(what + " did not finish in 90 s: " + runner.err(what));
    }
    assertThat(p.exitValue()).as("%s stderr: %s", what, runner.err(what)).isZero();
    assertThat(runner.err(what))
        .contains("collector stored " + results + " results (0 dropped, 0 rejected)");
  }

  /**
   * Gives each variable the value Grafana would: label_values queries run against Prometheus; "All"
   * becomes every value found (as a user selecting them all), a fixed default must be among them.
   * Returns the names of variables whose query found nothing.
   */
  private static Set<String> resolve(
      GrafanaDashboard dashboard, PrometheusServer prometheus, Map<String, String> values)
      throws Exception {
    Set<String> noValues = new TreeSet<>();
    for (Variable v : dashboard.variables) {
      switch (v.type()) {
        case "datasource" -> assertThat(v.query()).isEqualTo("prometheus");
        case "query" -> {
          List<String> query = v.labelValues();
          String selector = GrafanaDashboard.substitute(query.get(0), values);
          Set<String> found = new TreeSet<>();
          for (JsonNode s :
              prometheus.query("count by (" + query.get(1) + ") (" + selector + ")")) {
            found.add(s.path("metric").path(query.get(1)).asText());
          }
          found.remove("");
          List<String> defaults = v.defaults();
          if (found.isEmpty()) {
            noValues.add("$" + v.name());
            values.put(v.name(), defaults.getFirst());
          } else if (defaults.contains("$__all")) {
            values.put(v.name(), regex(found));
          } else {
            assertThat(found).as("values of $%s", v.name()).contains(defaults.getFirst());
            values.put(v.name(), defaults.getFirst());
          }
          if (query.get(1).equals("virt_type")) {
            assertThat(found).as("detected guest types").isEqualTo(GROUPS);
          }
        }
        default -> values.put(v.name(), v.defaults().getFirst());
      }
    }
    return noValues;
  }

  /** Grafana's format of a multi-value selection for Prometheus: escaped, joined by {@code |}. */
  private static String regex(Set<String> found) {
    List<String> escaped =
        found.stream().map(s -> s.replaceAll("([\\\\.+*?()\\[\\]{}|^$])", "\\\\\\\\$1")).toList();
    return escaped.size() == 1 ? escaped.getFirst() : "(" + String.join("|", escaped) + ")";
  }

  /** Runs every target until all have data (or 30 s passed); what is still wrong, by target. */
  private static Map<Target, String> awaitData(
      PrometheusServer prometheus, List<Target> targets, Map<String, String> values)
      throws Exception {
    Map<Target, String> problems = new LinkedHashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    do {
      problems.clear();
      for (Target t : targets) {
        String expr = GrafanaDashboard.substitute(t.expr(), values);
        assertThat(expr).as("%s after substitution", t).doesNotContain("$");
        String problem = problem(t, prometheus.query(expr));
        if (problem != null) {
          problems.put(t, problem + " for: " + expr);
        }
      }
      if (!problems.isEmpty()) {
        Thread.sleep(500);
      }
    } while (!problems.isEmpty() && System.nanoTime() < deadline);
    return problems;
  }

  /**
   * What is wrong with a target's result: nothing returned, no finite value, a PV-vs-HVM panel
   * missing one group, or a ratio that kept a label it should have aggregated away.
   */
  private static String problem(Target t, JsonNode result) {
    Set<String> groups = new TreeSet<>();
    boolean finite = false;
    for (JsonNode s : result) {
      JsonNode labels = s.path("metric");
      if (t.row().startsWith("Ratio") && (labels.has("virt_type") || labels.has("agent_id"))) {
        return "ratio series keeps virt_type or agent_id: " + labels;
      }
      groups.add(labels.path("virt_type").asText());
      double v = s.path("value").get(1).asDouble();
      finite |= Double.isFinite(v);
    }
    if (!finite) {
      return result.isEmpty() ? "no series" : "no finite value in " + result;
    }
    if (t.legend().contains("{{virt_type}}") && !groups.containsAll(GROUPS)) {
      return "groups " + groups + " instead of both " + GROUPS;
    }
    return null;
  }

  private static double errorsPerAgentHour(
      GrafanaDashboard dashboard, PrometheusServer prometheus, Map<String, String> values)
      throws Exception {
    Target errors =
        dashboard.targets.stream()
            .filter(t -> t.panel().startsWith("Probe errors and timeouts"))
            .findFirst()
            .orElseThrow();
    double sum = 0;
    for (JsonNode s : prometheus.query(GrafanaDashboard.substitute(errors.expr(), values))) {
      JsonNode labels = s.path("metric");
      if (labels.path("virt_type").asText().equals("xen-pv")
          && labels.path("status").asText().equals("error")) {
        sum += s.path("value").get(1).asDouble();
      }
    }
    return sum;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
