package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CollectorWatchTest {
  private static final String PAGE =
      """
      # HELP jvm_memory_used_bytes The amount of used memory
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.5E7
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 4.0E7
      jvm_memory_used_bytes_extra{area="heap"} 99
      guestbench_collector_results_stored_total 12345.0
      guestbench_agent_connected{agent_id="a-1"} 1.0
      """;

  @Test
  void sumsTheSamplesOfOneMetricWithTheGivenLabels() {
    assertThat(CollectorWatch.sum(PAGE, "jvm_memory_used_bytes", List.of("area=\"heap\"")))
        .isEqualTo(3.5e7);
    assertThat(CollectorWatch.sum(PAGE, "guestbench_collector_results_stored_total", List.of()))
        .isEqualTo(12345);
    assertThat(CollectorWatch.sum(PAGE, "guestbench_absent", List.of())).isNaN();
  }

  @Test
  void keepsTheCollectorsOwnSeriesAndCountsTheWholePage() {
    CollectorWatch.Scrape s = CollectorWatch.keep(PAGE.lines());
    assertThat(s.chars()).isEqualTo(PAGE.length());
    assertThat(s.kept())
        .contains("jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 2.5E7")
        .contains("guestbench_collector_results_stored_total 12345.0")
        .doesNotContain("# HELP")
        .doesNotContain("guestbench_agent_connected");
    assertThat(CollectorWatch.sum(s.kept(), "jvm_memory_used_bytes", List.of("area=\"heap\"")))
        .isEqualTo(3.5e7);
  }

  @Test
  void scrapesGzipCompressedAsPrometheusDoesAndCountsThePageUncompressed() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          try (OutputStream out = gzip ? new GZIPOutputStream(body) : body) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
          }
          exchange.getResponseHeaders().set("Content-Encoding", gzip ? "gzip" : "identity");
          exchange.sendResponseHeaders(gzip ? 200 : 406, body.size());
          exchange.getResponseBody().write(body.toByteArray());
          exchange.close();
        });
    server.start();
    try {
      CollectorWatch.Scrape s = new CollectorWatch(1, server.getAddress().getPort()).scrape();
      assertThat(s.chars()).isEqualTo(PAGE.length());
      assertThat(s.kept()).contains("guestbench_collector_results_stored_total 12345.0");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void readsCpuTicksOfARealProcess() throws Exception {
    long before = CollectorWatch.cpuTicks("self");
    long spin = 0;
    for (long end = System.nanoTime() + 100_000_000L; System.nanoTime() < end; ) {
      spin++;
    }
    assertThat(spin).isPositive();
    assertThat(CollectorWatch.cpuTicks("self")).isGreaterThan(before);
  }
}
