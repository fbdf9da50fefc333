package io.guestbench.collector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --prometheus URL} against a real Prometheus (Debian's package) whose database was
 * filled with {@code promtool tsdb create-blocks-from openmetrics}: series as a collector's scrapes
 * leave them, with known values, so the runs read back and the verdict are known.
 */
class PrometheusRunsTest {
  private static final int RUNS = 12;
  @TempDir Path dir;
  private Process prometheus;

  @AfterEach
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void runsAreTheValueChangesOfEachSeriesAndTroubleComesFromTheRunsCounter() throws Exception {
    String url = start(openMetrics(Instant.now().minus(Duration.ofHours(2))));

    PrometheusRuns.Read read =
        new PrometheusRuns(URI.create(url)).read(Duration.ofHours(3), Instant.now(), "virt_type");

    assertThat(read.series()).isEqualTo(4);
    assertThat(read.runs()).hasSize(4 * RUNS);
    assertThat(read.runs().getFirst().config()).isEqualTo("cpu.compute kernel=int");
    assertThat(read.runs().getFirst().run().labels()).containsKeys("virt_type", "experiment");
    assertThat(read.trouble())
        .extracting(GroupTrouble::group, GroupTrouble::agents, GroupTrouble::errors)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("xen-hvm", 2, 0L),
            org.assertj.core.groups.Tuple.tuple("xen-pv", 2, 6L));

    CollectorCli.Run report =
        CollectorCli.run("report", "--prometheus", url, "--since", "3h", "--format", "json");
    assertThat(report.exit()).as(report.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(report.out());
    JsonNode pv = json.path("speed").get(0).path("comparisons").get(0);
    assertThat(pv.path("group").asText()).isEqualTo("xen-pv");
    assertThat(pv.path("outcome").asText()).isEqualTo("worse");
    assertThat(pv.path("ratio").path("estimate").asDouble()).isBetween(0.77, 0.83);
    assertThat(json.path("notes").get(0).asText()).startsWith("from Prometheus: each change");
  }

  @Test
  void aWrongUrlOrNoPrometheusIsOneLine() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    CollectorCli.Run bad = CollectorCli.run("report", "--prometheus", "prometheus:9090");
    CollectorCli.Run down =
        CollectorCli.run("report", "--prometheus", "http://127.0.0.1:" + closed);

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo(
            "guestbench collector report: --prometheus: prometheus:9090 (expected: an http(s) URL"
                + " such as http://prometheus:9090)");
    assertThat(down.exit()).isEqualTo(1);
    assertThat(down.err())
        .startsWith("guestbench collector report: cannot reach the Prometheus API")
        .hasLineCount(1);
  }

  /**
   * Two agents per virt_type, one gauge each, 12 runs a minute apart; pv 20% slower, 3 errors each.
   */
  private static String openMetrics(Instant from) {
    StringBuilder om = new StringBuilder();
    om.append("# TYPE guestbench_cpu_compute_ops_per_second gauge\n");
    SplittableRandom random = new SplittableRandom(3);
    for (String virt : List.of("xen-hvm", "xen-pv")) {
      for (int a = 0; a < 2; a++) {
        for (int i = 0; i < RUNS; i++) {
          double v = 1e9 * (virt.equals("xen-pv") ? 0.8 : 1) * (1 + 0.02 * random.nextGaussian());
          // scraped every 15 s: each run's value stays for 4 scrapes
          for (int scrape = 0; scrape < 4; scrape++) {
            long t = from.getEpochSecond() + i * 60L + scrape * 15L;
            om.append(
                String.format(
                    Locale.ROOT,
                    "guestbench_cpu_compute_ops_per_second{agent_id=\"%s-%d\",virt_type=\"%s\","
                        + "instance_type=\"m3.medium\",experiment=\"prom\",kernel=\"int\"} %s %d%n",
                    virt,
                    a,
                    virt,
                    Double.toString(v),
                    t));
          }
        }
      }
    }
    om.append("# TYPE guestbench_probe_runs counter\n");
    for (String virt : List.of("xen-hvm", "xen-pv")) {
      for (int a = 0; a < 2; a++) {
        for (String status : List.of("ok", "error")) {
          for (int i = 0; i <= RUNS; i++) {
            long count = status.equals("ok") ? i : virt.equals("xen-pv") ? Math.min(i, 3) : 0;
            om.append(
                String.format(
                    Locale.ROOT,
                    "guestbench_probe_runs_total{agent_id=\"%s-%d\",virt_type=\"%s\",probe=\"cpu.compute\",status=\"%s\"} %d %d%n",
                    virt,
                    a,
                    virt,
                    status,
                    count,
                    from.getEpochSecond() + i * 60L));
          }
        }
      }
    }
    return om.append("# EOF\n").toString();
  }

  private String start(String openMetrics) throws Exception {
    Path input = Files.writeString(dir.resolve("series.om"), openMetrics);
    Path tsdb = Files.createDirectories(dir.resolve("tsdb"));
    Process promtool =
        new ProcessBuilder(
                "promtool",
                "tsdb",
                "create-blocks-from",
                "openmetrics",
                input.toString(),
                tsdb.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor()).as(said).isZero();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = Files.writeString(dir.resolve("prometheus.yml"), "global: {}\n");
    prometheus =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + tsdb,
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    String url = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return url;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Prometheus not ready in 30 s: " + Files.readString(dir.resolve("prometheus.log")));
      }
      Thread.sleep(100);
    }
  }
}
