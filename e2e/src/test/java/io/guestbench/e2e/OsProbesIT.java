package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every OS and memory probe, run for real by an agent process with tiny settings, reaches a real
 * Prometheus through a real collector: the catalogue accepts what the probes send.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OsProbesIT extends RealProcessTest {
  private static final String TINY =
      "warmup: 0s, repetition: 5ms, min_repetitions: 2, max_repetitions: 2";
  // A figure net of a baseline call needs compiled loops and more than a scheduler tick of
  // measuring, or one preemption on a busy CI machine can swallow the difference.
  private static final String NET_OF_BASELINE =
      "warmup: 200ms, repetition: 20ms, min_repetitions: 5, max_repetitions: 5";

  @Test
  void osAndMemoryProbeSeriesReachPrometheus() throws Exception {
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    PrometheusServer prometheus = PrometheusServer.start(runner, dir, collector.httpPort);
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        agent:
          labels: {experiment: e2e-os}
        collector: {address: "127.0.0.1:1", plaintext: true}
        imds: {enabled: false}
        plan:
          rounds: 1
          probes:
            - {probe: os.clock_read, clock: nanotime, %1$s}
            - {probe: os.clock_read, clock: monotonic_coarse, %1$s}
            - {probe: os.syscall, %2$s}
            - {probe: os.page_fault, region_bytes: 1048576, %1$s}
            - {probe: os.spawn, %1$s}
            - {probe: os.context_switch, %1$s}
            - {probe: cpu.mem_bandwidth, kernel: triad, array_bytes: 1048576, %1$s}
            - {probe: cpu.mem_latency, buffer_bytes: 1048576, %1$s}
        """
            .formatted(TINY, NET_OF_BASELINE));

    ProcessRunner.Finished agent =
        runner.run(
            "agent",
            90,
            ProcessRunner.agentRun(
                config,
                collector.grpcPort,
                "e2e-os",
                "--spool-dir",
                dir.resolve("spool").toString()));

    assertThat(agent.exit()).as("agent stderr: %s", agent.err()).isZero();
    assertThat(agent.err()).contains("collector stored 8 results");

    Set<String> ok = new HashSet<>();
    Poll.until(
        "every probe's ok run in Prometheus",
        30,
        () -> {
          ok.clear();
          for (JsonNode s :
              prometheus.query(
                  "guestbench_probe_runs_total{agent_id=\"e2e-os\",status=\"ok\"} > 0")) {
            ok.add(s.path("metric").path("probe").asText());
          }
          return ok.size() == 7;
        });
    assertThat(ok)
        .containsExactlyInAnyOrder(
            "os.clock_read",
            "os.syscall",
            "os.page_fault",
            "os.spawn",
            "os.context_switch",
            "cpu.mem_bandwidth",
            "cpu.mem_latency");

    JsonNode clocks = prometheus.query("guestbench_timer_read_seconds{agent_id=\"e2e-os\"}");
    assertThat(clocks).hasSize(2);
    assertThat(clocks)
        .extracting(c -> c.path("metric").path("clock").asText())
        .containsExactlyInAnyOrder("nanotime", "monotonic_coarse");
    assertThat(value(prometheus, "guestbench_os_syscall_seconds")).isPositive();
    assertThat(value(prometheus, "guestbench_os_spawn_seconds")).isPositive();
    assertThat(value(prometheus, "guestbench_mem_bandwidth_bytes_per_second")).isPositive();
    assertThat(value(prometheus, "sum(guestbench_os_page_fault_duration_seconds_count)"))
        .isPositive();
    JsonNode info = prometheus.query("guestbench_agent_info{agent_id=\"e2e-os\"}");
    assertThat(info.get(0).path("metric").path("timer_syscall_fallback").asText())
        .isIn("true", "false");
    assertThat(Promtool.checkMetrics(Http.get(collector.metricsUrl()).body())).isEmpty();

    assertThat(collector.terminate(20)).isZero();
  }

  private static double value(PrometheusServer prometheus, String promql) throws Exception {
    String query = promql.contains("(") ? promql : promql + "{agent_id=\"e2e-os\"}";
    JsonNode result = prometheus.query(query);
    assertThat(result).as(promql).hasSize(1);
    return result.get(0).path("value").get(1).asDouble();
  }
}
