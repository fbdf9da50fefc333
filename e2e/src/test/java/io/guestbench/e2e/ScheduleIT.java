package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One collector that schedules network tests among three real agents, each serving its own peer on
 * a port it picked: every ordered pair runs once, the results carry their command ids, and no two
 * tests that share an agent overlap in time.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScheduleIT extends RealProcessTest {
  private static final Pattern ADVERTISED = Pattern.compile("peer advertised as (\\S+)");
  private static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3");

  @Test
  void theCollectorPairsAgentsInSlotsThatNeverShareAnAgent() throws Exception {
    Path collectorConfig = dir.resolve("collector.yaml");
    Files.writeString(
        collectorConfig,
        """
        schedule:
          enabled: true
          slot: 3s
          gap: 500ms
          lead: 1s
          every: 1h
          tests:
            - {probe: net.rr, warmup: 200ms, duration: 1s}
        """);
    CollectorProcess collector =
        CollectorProcess.start(runner, dir, "--config", collectorConfig.toString());
    Map<String, String> addresses = new LinkedHashMap<>();
    for (String id : AGENTS) {
      addresses.put(id, startAgent(id, collector.grpcPort));
    }

    // Agents join one by one, so a plan for the first two may run a slot or two before the
    // plan for all three; every ordered pair then runs once in its cycle.
    Poll.until("every ordered pair measured", 90, () -> pairs(results(), addresses).size() == 6);
    // The schedule keeps going, so counts and results are compared in one consistent snapshot.
    AtomicReference<String> snapshot = new AtomicReference<>();
    AtomicReference<List<Scheduled>> counted = new AtomicReference<>();
    Poll.until(
        "the collector counting as many commands and stored runs as there are results",
        20,
        () -> {
          List<Scheduled> before = results();
          String metrics = Http.get(collector.metricsUrl()).body();
          int n = before.size();
          snapshot.set(metrics);
          counted.set(before);
          return sample(metrics, "guestbench_collector_schedule_commands_total") == n
              && sample(metrics, "guestbench_probe_runs_total{") == n
              && results().size() == n;
        });
    List<Scheduled> results = counted.get();
    for (Scheduled r : results) {
      assertThat(r.result.getStatus())
          .as("%s: %s", r.result.getRunId(), r.result.getStatusMessage())
          .isEqualTo(RunStatus.RUN_STATUS_OK);
      assertThat(r.result.getRunId()).matches("cmd-.+-\\d+");
    }
    assertThat(pairs(results, addresses))
        .containsExactlyInAnyOrder(
            "agent-1>agent-2",
            "agent-1>agent-3",
            "agent-2>agent-1",
            "agent-2>agent-3",
            "agent-3>agent-1",
            "agent-3>agent-2");
    assertThat(results.stream().map(r -> r.result.getRunId()).distinct()).hasSize(results.size());
    printTimeline(results, addresses);
    assertNoSharedAgentOverlaps(results, addresses);
    String metrics = snapshot.get();
    assertThat(sample(metrics, "guestbench_collector_schedule_slots_total"))
        .isEqualTo(results.size());
    assertThat(metrics).containsPattern("probe=\"net.rr\",status=\"ok\"");
    assertThat(collector.terminate(20)).isZero();
  }

  /** Starts an agent that serves tests on a free port and runs only commands; returns its peer. */
  private String startAgent(String id, int collectorPort) throws Exception {
    Path config = dir.resolve(id + ".yaml");
    Files.writeString(
        config,
        """
        agent: {id: %s, labels: {experiment: sched-it}}
        collector: {address: "127.0.0.1:%d", plaintext: true, heartbeat_interval: 1s}
        imds: {enabled: false}
        net: {serve: true, bind: 127.0.0.1, port: 0}
        plan: {probes: []}
        """
            .formatted(id, collectorPort));
    runner.start(
        id,
        ProcessRunner.jar(
            "guestbench.agent.jar",
            "run",
            "--config",
            config.toString(),
            "--json",
            "--spool-dir",
            dir.resolve("spool").toString()));
    String[] address = new String[1];
    Poll.until(
        id + " advertising its peer",
        30,
        () -> {
          Matcher m = ADVERTISED.matcher(runner.err(id));
          if (m.find()) {
            address[0] = m.group(1);
          }
          return address[0] != null;
        });
    assertThat(address[0]).startsWith("127.0.0.1:");
    return address[0];
  }

  /** A scheduled result and the agent that ran it as the client. */
  private record Scheduled(String client, ProbeResult result) {}

  private List<Scheduled> results() throws Exception {
    List<Scheduled> all = new ArrayList<>();
    for (String id : AGENTS) {
      for (String line : runner.out(id).lines().toList()) {
        if (line.startsWith("{")) {
          ProbeResult.Builder r = ProbeResult.newBuilder();
          JsonFormat.parser().merge(line, r);
          all.add(new Scheduled(id, r.build()));
        }
      }
    }
    return all;
  }

  private static Set<String> pairs(List<Scheduled> results, Map<String, String> addresses) {
    Set<String> pairs = new HashSet<>();
    for (Scheduled r : results) {
      pairs.add(r.client + ">" + serverOf(addresses, r.result.getParamsOrThrow("peer")));
    }
    return pairs;
  }

  /** Who tested whom when, from the results' measured windows, for whoever reads the test log. */
  private static void printTimeline(List<Scheduled> results, Map<String, String> addresses) {
    long origin = results.stream().mapToLong(r -> r.result.getStartTimeUnixNano()).min().orElse(0);
    results.stream()
        .sorted(java.util.Comparator.comparingLong(r -> r.result.getStartTimeUnixNano()))
        .forEach(
            r ->
                System.out.printf(
                    "ScheduleIT: %s > %s measured %d..%d ms (%s)%n",
                    r.client,
                    serverOf(addresses, r.result.getParamsOrThrow("peer")),
                    (r.result.getStartTimeUnixNano() - origin) / 1_000_000,
                    (r.result.getEndTimeUnixNano() - origin) / 1_000_000,
                    r.result.getRunId()));
  }

  /** The sum of the samples whose line starts with {@code prefix}. */
  private static double sample(String metrics, String prefix) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String serverOf(Map<String, String> addresses, String peer) {
    return addresses.entrySet().stream()
        .filter(e -> e.getValue().equals(peer))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no agent advertised " + peer));
  }

  /** From the results' own measured windows: an agent is never in two tests at once. */
  private static void assertNoSharedAgentOverlaps(
      List<Scheduled> results, Map<String, String> addresses) {
    for (int i = 0; i < results.size(); i++) {
      for (int j = i + 1; j < results.size(); j++) {
        Scheduled a = results.get(i);
        Scheduled b = results.get(j);
        Set<String> sideA =
            Set.of(a.client, serverOf(addresses, a.result.getParamsOrThrow("peer")));
        Set<String> sideB =
            Set.of(b.client, serverOf(addresses, b.result.getParamsOrThrow("peer")));
        if (sideA.stream().anyMatch(sideB::contains)) {
          boolean apart =
              a.result.getEndTimeUnixNano() <= b.result.getStartTimeUnixNano()
                  || b.result.getEndTimeUnixNano() <= a.result.getStartTimeUnixNano();
          assertThat(apart).as("%s overlaps %s", a, b).isTrue();
        }
      }
    }
  }
}
