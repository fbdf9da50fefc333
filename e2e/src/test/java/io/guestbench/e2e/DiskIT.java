package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk probe for real: jobs from a plan reach Prometheus through the collector, the command
 * prints fio-shaped JSON, and neither leaves a scratch file behind, even when stopped by SIGTERM.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DiskIT {
  @TempDir Path dir;
  @TempDir Path scratch;
  private ProcessRunner runner;

  @AfterEach
  void killLeftovers() {
    if (runner != null) {
      runner.killAll();
    }
  }

  @Test
  void diskJobsInAPlanReachPrometheus() throws Exception {
    runner = new ProcessRunner(dir);
    CollectorProcess collector = CollectorProcess.start(runner, dir);
    PrometheusServer prometheus = PrometheusServer.start(runner, dir, collector.httpPort);
    Path config = dir.resolve("agent.yaml");
    String common = "size: 16m, runtime: 2s, directory: \"" + scratch + "\"" + direct();
    Files.writeString(
        config,
        """
        agent:
          labels: {experiment: e2e-disk}
        collector: {address: "127.0.0.1:1", plaintext: true}
        plan:
          rounds: 1
          probes:
            - {probe: disk.job, rw: randread, bs: 4k, %1$s}
            - {probe: disk.job, rw: randwrite, bs: 4k, fdatasync: 1, %1$s}
        """
            .formatted(common));

    ProcessRunner.Finished agent =
        runner.run(
            "agent",
            90,
            ProcessRunner.agentRun(
                config,
                collector.grpcPort,
                "disk-agent",
                "--spool-dir",
                dir.resolve("spool").toString()));

    assertThat(agent.exit()).as("agent stderr: %s", agent.err()).isZero();
    assertThat(agent.out()).contains("disk.job").contains("rw=randread").contains("rw=randwrite");
    assertThat(agent.err()).contains("collector stored 2 results");
    assertThat(files(scratch)).as("scratch files left behind").isEmpty();

    List<JsonNode> reads = new ArrayList<>();
    String syncCount = "guestbench_disk_sync_latency_seconds_count{agent_id=\"disk-agent\"}";
    Poll.until(
        "both jobs' series in Prometheus",
        30,
        () -> {
          reads.clear();
          prometheus.query("guestbench_disk_read_ops_per_second").forEach(reads::add);
          return reads.size() == 1 && prometheus.query(syncCount).size() == 1;
        });
    JsonNode labels = reads.get(0).path("metric");
    assertThat(labels.path("agent_id").asText()).isEqualTo("disk-agent");
    assertThat(labels.path("rw").asText()).isEqualTo("randread");
    assertThat(labels.path("bs_bytes").asText()).isEqualTo("4096");
    assertThat(labels.path("iodepth").asText()).isEqualTo("1");
    assertThat(labels.path("engine").asText()).isEqualTo("sync");
    assertThat(reads.get(0).path("value").get(1).asDouble()).isPositive();
    JsonNode syncs = prometheus.query(syncCount);
    assertThat(syncs.get(0).path("value").get(1).asDouble()).isPositive();
    assertThat(prometheus.query("guestbench_disk_write_ops_per_second{sync=\"fdatasync\"}"))
        .hasSize(1);
    assertThat(Promtool.checkMetrics(Http.get(collector.metricsUrl()).body())).isEmpty();
    assertThat(collector.terminate(20)).isZero();
  }

  @Test
  void theCommandPrintsFioShapedJsonForAnAioQueue() throws Exception {
    runner = new ProcessRunner(dir);
    List<String> args =
        new ArrayList<>(
            List.of(
                "disk",
                "--rw",
                "randread",
                "--engine",
                "aio",
                "--iodepth",
                "8",
                "--size",
                "16m",
                "--runtime",
                "1s",
                "--directory",
                scratch.toString(),
                "--json"));
    assertThat(direct()).as("native AIO needs O_DIRECT, which this temp dir lacks").isEmpty();

    ProcessRunner.Finished disk =
        runner.run(
            "disk", 60, ProcessRunner.jar("guestbench.agent.jar", args.toArray(String[]::new)));

    assertThat(disk.exit()).as("stderr: %s", disk.err()).isZero();
    JsonNode job = new ObjectMapper().readTree(disk.out()).path("jobs").get(0);
    assertThat(job.at("/read/iops").asDouble()).isPositive();
    assertThat(job.at("/read/clat_ns/percentile/99.000000").asLong()).isPositive();
    assertThat(job.at("/guestbench/max_in_flight").asInt()).isEqualTo(8);
    assertThat(files(scratch)).isEmpty();
  }

  @Test
  void sigtermStopsTheCommandAndRemovesTheScratchFile() throws Exception {
    runner = new ProcessRunner(dir);
    Process disk =
        runner.start(
            "long",
            ProcessRunner.jar(
                "guestbench.agent.jar",
                "disk",
                "--rw",
                "randwrite",
                "--size",
                "16m",
                "--runtime",
                "60s",
                "--directory",
                scratch.toString()));
    Poll.until("the scratch file", 30, () -> !files(scratch).isEmpty());
    Thread.sleep(1500); // past the layout, into the measured run

    disk.destroy(); // SIGTERM
    assertThat(disk.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s").isTrue();
    assertThat(files(scratch)).as("scratch files after SIGTERM").isEmpty();
    assertThat(runner.err("long")).doesNotContain("\tat ");
  }

  @Test
  void badInputIsOneLineWithExitCodeTwo() throws Exception {
    runner = new ProcessRunner(dir);
    Path existing = Files.writeString(dir.resolve("precious.dat"), "keep me");
    ProcessRunner.Finished refused =
        runner.run(
            "refused",
            30,
            ProcessRunner.jar(
                "guestbench.agent.jar",
                "disk",
                "--filename",
                existing.toString(),
                "--rw",
                "write",
                "--size",
                "4k"));

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip().lines()).hasSize(1);
    assertThat(refused.err()).contains("--filename").contains("--allow-existing");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  /** {@code , direct: 0} when the temp dir cannot do O_DIRECT (a tmpfs before Linux 6.6). */
  private String direct() throws IOException {
    return Files.getFileStore(scratch).type().equals("tmpfs") ? ", direct: 0" : "";
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
