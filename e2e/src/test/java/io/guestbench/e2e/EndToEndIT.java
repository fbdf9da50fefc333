package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole path with real parts: collector and agent as processes on loopback, a real Prometheus
 * scraping the collector, and the answer read back through Prometheus's query API.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EndToEndIT extends RealProcessTest {
  @Test
  void cpuResultsFlowFromAgentThroughCollectorIntoPrometheus() throws Exception {
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    PrometheusServer prometheus = PrometheusServer.start(runner, dir, collector.httpPort);
    LoopbackImds imds =
        new LoopbackImds(
            Map.of(
                "instance-type",
                "m3.medium",
                "ami-id",
                "ami-0e2e",
                "placement/region",
                "eu-west-1"));
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        agent:
          labels: {experiment: e2e}
        collector: {address: "127.0.0.1:1", plaintext: true}
        imds: {endpoint: "%s", deadline: 20s}
        plan:
          rounds: 1
          probes:
            - {probe: cpu.compute, kernel: int, warmup: 200ms, iterations: 5}
            - {probe: cpu.compute, kernel: fp, warmup: 200ms, iterations: 5}
        """
            .formatted(imds.endpoint()));

    ProcessRunner.Finished agent =
        runner.run(
            "agent",
            90,
            ProcessRunner.agentRun(
                config,
                collector.grpcPort,
                "e2e-agent",
                "--spool-dir",
                dir.resolve("spool").toString()));

    assertThat(agent.exit()).as("agent stderr: %s", agent.err()).isZero();
    assertThat(agent.out()).contains("cpu.compute").contains("kernel=int").contains("kernel=fp");
    assertThat(agent.err()).contains("collector stored 2 results");

    List<JsonNode> series = new ArrayList<>();
    Poll.until(
        "both kernels' series in Prometheus",
        30,
        () -> {
          series.clear();
          prometheus.query("guestbench_cpu_compute_ops_per_second").forEach(series::add);
          return series.size() == 2;
        });
    for (JsonNode s : series) {
      JsonNode labels = s.path("metric");
      assertThat(labels.path("agent_id").asText()).isEqualTo("e2e-agent");
      assertThat(labels.path("virt_type").asText()).isNotEmpty();
      assertThat(labels.path("experiment").asText()).isEqualTo("e2e");
      assertThat(labels.path("instance_type").asText()).isEqualTo("m3.medium");
      assertThat(s.path("value").get(1).asDouble()).isPositive();
    }
    JsonNode count =
        prometheus.query(
            "sum(guestbench_cpu_compute_iteration_seconds_count{agent_id=\"e2e-agent\"})");
    assertThat(count.get(0).path("value").get(1).asDouble()).isEqualTo(10.0);
    JsonNode info = prometheus.query("guestbench_agent_info{agent_id=\"e2e-agent\"}");
    assertThat(info).hasSize(1);
    JsonNode facts = info.get(0).path("metric");
    assertThat(facts.path("detected_virt_type").asText()).isNotEmpty().isNotEqualTo("unknown");
    assertThat(facts.path("virt_type").asText())
        .isEqualTo(facts.path("detected_virt_type").asText());
    assertThat(facts.path("ami_id").asText()).isEqualTo("ami-0e2e");
    assertThat(facts.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(facts.path("kernel_release").asText()).isNotEmpty();
    imds.close();

    String exposition = Http.get(collector.metricsUrl()).body();
    assertThat(exposition).contains("guestbench_cpu_compute_iteration_seconds_bucket");
    assertThat(Promtool.checkMetrics(exposition)).as("promtool check metrics").isEmpty();
    // The agent's stream came through the gRPC server's own buffer pool, which holds a chunk now.
    assertThat(sample(exposition, "guestbench_collector_grpc_buffer_bytes{memory=\"direct\"}"))
        .isGreaterThanOrEqualTo(1 << 21);
    assertThat(Http.get("http://127.0.0.1:" + collector.httpPort + "/healthz").statusCode())
        .isEqualTo(200);
    assertThat(Http.get("http://127.0.0.1:" + collector.httpPort + "/readyz").statusCode())
        .isEqualTo(200);
    assertThat(Http.contentTypeFor(collector.metricsUrl(), "application/openmetrics-text"))
        .startsWith("application/openmetrics-text");
    assertThat(
            Http.contentTypeFor(
                collector.metricsUrl(),
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                    + "encoding=delimited"))
        .startsWith("application/vnd.google.protobuf");
    assertThat(GrpcHealth.status("127.0.0.1", collector.grpcPort)).isEqualTo("SERVING");

    assertThat(collector.terminate(20)).isZero();
  }

  private static double sample(String exposition, String nameAndLabels) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(nameAndLabels + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(nameAndLabels + " is not in /metrics"));
  }
}
