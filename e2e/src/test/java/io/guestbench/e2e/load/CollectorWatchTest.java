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

  private static final String OWN_PAGE =
      """
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.5E7
      guestbench_collector_results_stored_total 12345.0
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
  void countsTheWholePageGzippedAndReadsTheCollectorsOwnSeriesByName() throws Exception {
    List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    byte[] gzipped;
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(packed)) {
      out.write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
    gzipped = packed.toByteArray();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          queries.add(String.valueOf(query));
          boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
          byte[] body =
              query != null
                  ? OWN_PAGE.getBytes(StandardCharsets.UTF_8)
                  : gzip ? gzipped : new byte[0];
          if (query == null) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
          }
          exchange.sendResponseHeaders(query != null || gzip ? 200 : 406, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      CollectorWatch.Scrape s = new CollectorWatch(1, server.getAddress().getPort()).scrape();
      assertThat(s.gzipBytes()).isEqualTo(gzipped.length);
      assertThat(s.kept()).isEqualTo(OWN_PAGE);
      assertThat(queries).hasSize(2).contains("null");
      assertThat(queries.stream().filter(q -> !q.equals("null")).findFirst().orElseThrow())
          .contains("name[]=jvm_memory_used_bytes")
          .contains("name[]=guestbench_collector_results_stored_total");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void readsTheJournalsTotalsAndTheDirectBuffersFromAFilteredScrape() throws Exception {
    String journalPage =
        """
        guestbench_collector_journal_fsync_seconds_bucket{le="0.001"} 3
        guestbench_collector_journal_fsync_seconds_count 7.0
        guestbench_collector_journal_fsync_seconds_sum 0.025
        guestbench_collector_journal_fsync_seconds_max 0.01
        guestbench_collector_journal_pending_bytes 1048576.0
        guestbench_collector_grpc_buffer_bytes{memory="direct"} 4194304.0
        guestbench_collector_grpc_buffer_bytes{memory="heap"} 0.0
        """;
    List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          queries.add(String.valueOf(exchange.getRequestURI().getQuery()));
          byte[] body = journalPage.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      CollectorWatch.JournalAndBuffers j =
          new CollectorWatch(1, server.getAddress().getPort()).journalAndBuffers();
      assertThat(j).isEqualTo(new CollectorWatch.JournalAndBuffers(7, 0.025, 1048576, 4194304));
      assertThat(queries)
          .singleElement()
          .asString()
          .contains("name[]=guestbench_collector_journal_fsync_seconds")
          .contains("name[]=guestbench_collector_journal_pending_bytes")
          .contains("name[]=guestbench_collector_grpc_buffer_bytes");
    } finally {
      server.stop(0);
    }
  }
}
