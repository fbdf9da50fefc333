package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The answer end to end: two real agent processes on this machine whose guests are declared xen-hvm
 * and xen-pv (the {@code virt_type} label of the agent config, which the collector uses over the
 * detected type and reports beside it), the same plan, and a real difference made on this machine:
 * the hvm agent runs first, then the pv agent runs while eight busy loops per CPU compete with it.
 * The collector's comparison must find the difference, name pv the slower, and {@code report} over
 * the journal must agree with the API.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CompareEndToEndIT extends RealProcessTest {
  private final List<Process> load = new ArrayList<>();

  @AfterEach
  void stopLoad() {
    load.forEach(Process::destroyForcibly);
  }

  @Test
  void aCompetingCpuLoadOnThePvAgentIsFoundAndNamed() throws Exception {
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    String plan =
        """
        agent:
          labels: {experiment: e2e-compare, virt_type: %s}
        collector: {address: "127.0.0.1:1", plaintext: true}
        imds: {enabled: false}
        plan:
          rounds: 8
          interval: 0s
          probes:
            - {probe: cpu.compute, kernel: int, warmup: 300ms, iterations: 8}
        """;

    finished(agent(collector, plan, "hvm-1", "xen-hvm"), "hvm-1");
    Process pvAgent = agent(collector, plan, "pv-1", "xen-pv");
    // the load starts once the JVM is up, so it slows the probes, not the start-up
    Poll.until("pv-1 streaming", 60, () -> runner.err("pv-1").contains("streaming to"));
    for (int i = 0; i < 8 * Runtime.getRuntime().availableProcessors(); i++) {
      load.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
    }
    finished(pvAgent, "pv-1");
    stopLoad();

    JsonNode api =
        new ObjectMapper()
            .readTree(
                Http.get(
                        "http://127.0.0.1:"
                            + collector.httpPort
                            + "/api/v1/compare?by=virt_type&reference=xen-hvm")
                    .body());
    assertThat(api.path("groups").toString()).isEqualTo("[\"xen-hvm\",\"xen-pv\"]");
    JsonNode ops = row(api, "guestbench_cpu_compute_ops_per_second");
    JsonNode pv = ops.path("comparisons").get(0);
    System.err.println("compare e2e: " + pv.path("verdict").asText());
    assertThat(pv.path("outcome").asText()).as(pv.toString()).isEqualTo("worse");
    assertThat(pv.path("ratio").path("upper").asDouble()).isLessThan(1);
    assertThat(pv.path("verdict").asText()).startsWith("xen-pv ").contains("slower than xen-hvm");
    assertThat(collector.terminate(20)).isZero();

    ProcessRunner.Finished report =
        runner.run(
            "report",
            60,
            ProcessRunner.jar(
                "guestbench.collector.jar",
                "report",
                "--journal-dir",
                dir.resolve("journal").toString(),
                "--reference",
                "xen-hvm",
                "--format",
                "json"));
    assertThat(report.exit()).as(report.err()).isZero();
    JsonNode offline = row(new ObjectMapper().readTree(report.out()), ops.path("metric").asText());
    assertThat(offline.path("comparisons").get(0).path("ratio"))
        .as("the report over the journal is the API's answer")
        .isEqualTo(pv.path("ratio"));
  }

  private Process agent(CollectorProcess collector, String plan, String id, String virtType)
      throws Exception {
    Path config = Files.writeString(dir.resolve(id + ".yaml"), plan.formatted(virtType));
    return runner.start(
        id,
        ProcessRunner.agentRun(
            config, collector.grpcPort, id, "--spool-dir", dir.resolve("spool").toString()));
  }

  private void finished(Process agent, String id) throws Exception {
    assertThat(agent.waitFor(90, TimeUnit.SECONDS)).as(id + " finished").isTrue();
    assertThat(agent.exitValue()).as("%s: %s", id, runner.err(id)).isZero();
  }

  private static JsonNode row(JsonNode answer, String metric) {
    for (JsonNode row : answer.path("speed")) {
      if (row.path("metric").asText().equals(metric)) {
        return row;
      }
    }
    throw new AssertionError("no " + metric + " row in " + answer);
  }
}
