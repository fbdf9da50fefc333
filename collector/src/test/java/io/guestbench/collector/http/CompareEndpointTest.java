package io.guestbench.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.report.ReportJournalAccess;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/compare} served by the collector's real HTTP server over a real journal. */
class CompareEndpointTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpEndpoints http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.stop(Duration.ZERO);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    if (http == null) {
      http =
          new HttpEndpoints(
              new InetSocketAddress("127.0.0.1", 0),
              registry,
              new ResultMetrics(registry, new ManualClock(0)),
              () -> true,
              Map.of("/api/v1/compare", new CompareEndpoint(dir, new ManualClock(0))));
      http.start();
    }
    URI uri = URI.create("http://127.0.0.1:" + http.port() + pathAndQuery);
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersWithTheComparisonAsJson() throws Exception {
    ReportJournalAccess.write(dir, 8, 0.8, 1);

    HttpResponse<String> r = get("/api/v1/compare?by=virt_type&reference=xen-pv");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertThat(json.path("reference").asText()).isEqualTo("xen-pv");
    assertThat(json.path("groups").toString()).isEqualTo("[\"xen-pv\",\"xen-hvm\"]");
    assertThat(json.path("speed")).isNotEmpty();
    assertThat(json.path("trouble")).hasSize(2);
  }

  @Test
  void badParametersAreA400SayingWhatIsExpected() throws Exception {
    HttpResponse<String> seed = get("/api/v1/compare?seed=abc");
    HttpResponse<String> unknown = get("/api/v1/compare?group=virt_type");
    HttpResponse<String> blank = get("/api/v1/compare?by=");

    assertThat(seed.statusCode()).isEqualTo(400);
    assertThat(seed.body()).isEqualTo("seed: abc (expected: an integer)\n");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("group: unknown parameter");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("compare.by:");
  }

  @Test
  void aMissingJournalIsA503NotACrash() throws Exception {
    http =
        new HttpEndpoints(
            new InetSocketAddress("127.0.0.1", 0),
            registry,
            new ResultMetrics(registry, new ManualClock(0)),
            () -> true,
            Map.of(
                "/api/v1/compare", new CompareEndpoint(dir.resolve("none"), new ManualClock(0))));
    http.start();

    HttpResponse<String> r = get("/api/v1/compare");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).startsWith("cannot read the journal: journal directory");
  }
}
