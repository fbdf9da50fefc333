package io.guestbench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real Prometheus server (Debian package {@code prometheus}) scraping the collector. */
final class PrometheusServer {
  static final String BINARY = "/usr/bin/prometheus";
  private final int port;

  private PrometheusServer(int port) {
    this.port = port;
  }

  static PrometheusServer start(ProcessRunner runner, Path dir, int collectorHttpPort)
      throws Exception {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new AssertionError(BINARY + " is missing: install the Debian package 'prometheus'");
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global: {scrape_interval: 1s, evaluation_interval: 1s}
        scrape_configs:
          - job_name: guestbench-collector
            static_configs: [{targets: ["127.0.0.1:%d"]}]
        """
            .formatted(collectorHttpPort));
    int port = freePort();
    runner.start(
        "prometheus",
        List.of(
            BINARY,
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("tsdb"),
            "--web.listen-address=127.0.0.1:" + port));
    PrometheusServer server = new PrometheusServer(port);
    Poll.until("Prometheus ready", 30, () -> server.ready());
    return server;
  }

  private boolean ready() {
    try {
      return Http.get("http://127.0.0.1:" + port + "/-/ready").statusCode() == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** The instant-query result vector for {@code promql}. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    String url =
        "http://127.0.0.1:"
            + port
            + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    JsonNode body = new ObjectMapper().readTree(Http.get(url).body());
    if (!"success".equals(body.path("status").asText())) {
      throw new AssertionError("query " + promql + " failed: " + body);
    }
    return body.path("data").path("result");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
