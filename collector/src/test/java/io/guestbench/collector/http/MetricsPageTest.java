package io.guestbench.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.metrics.TestResults;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics over real HTTP: the fast path writes what the client library would, and only then. */
class MetricsPageTest {
  private static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;"
          + "version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpEndpoints http;

  @BeforeEach
  void serve() throws IOException {
    ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(0));
    for (int a = 0; a < 20; a++) {
      AgentLabels agent = new AgentLabels("agent-" + a, "xen-hvm", "m3.medium", "e\"1");
      metrics.agentConnected(agent, Map.of("kernel_release", "6.1 \\ \"x\""));
      metrics.record(agent, TestResults.compute("int", 4e8 + a, 4_400_000, 9_000_000).build());
    }
    registry.register(
        () ->
            GaugeSnapshot.builder()
                .name("guestbench_collector_own")
                .help("the collector's own series")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(3).build())
                .build());
    http =
        new HttpEndpoints(
            new InetSocketAddress("127.0.0.1", 0), registry, metrics, () -> true, Map.of());
    http.start();
  }

  @AfterEach
  void stop() {
    http.stop(Duration.ZERO);
  }

  @Test
  void aPlainScrapeGetsTheLibrarysTextLines() throws Exception {
    HttpResponse<byte[]> r = get("", Map.of());

    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue(PrometheusTextFormatWriter.CONTENT_TYPE);
    assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
    assertSameLines(text(r.body()), library(PrometheusTextFormatWriter.create()));
  }

  @Test
  void prometheusGetsOpenMetricsGzippedEndingInEof() throws Exception {
    HttpResponse<byte[]> r =
        get("", Map.of("Accept", PROMETHEUS_ACCEPT, "Accept-Encoding", "gzip"));

    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/openmetrics-text");
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String body = text(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes());
    assertThat(body).endsWith("\n# EOF\n");
    assertSameLines(body, library(OpenMetricsTextFormatWriter.create()));
  }

  @Test
  void thePagesPausesAreCounted() throws Exception {
    String page = text(get("", Map.of()).body());
    assertThat(page)
        .contains("# TYPE guestbench_collector_metrics_page_paused_seconds_total counter")
        .containsPattern("(?m)^guestbench_collector_metrics_page_paused_seconds_total \\d");
  }

  @Test
  void protobufAndDebugViewsAreTheLibrarys() throws Exception {
    HttpResponse<byte[]> proto =
        get(
            "",
            Map.of(
                "Accept",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                    + "encoding=delimited"));
    assertThat(proto.headers().firstValue("Content-Type")).get().asString().contains("protobuf");
    assertThat(proto.body()).isNotEmpty();

    HttpResponse<byte[]> debug = get("?debug=openmetrics", Map.of());
    assertThat(text(debug.body())).contains("guestbench_agent_info{").endsWith("# EOF\n");

    HttpResponse<byte[]> filtered = get("?name[]=guestbench_collector_own", Map.of());
    assertThat(text(filtered.body()))
        .contains("guestbench_collector_own 3.0")
        .doesNotContain("agent-1");
  }

  private HttpResponse<byte[]> get(String query, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/metrics" + query));
    headers.forEach(b::header);
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r;
  }

  private String library(ExpositionFormatWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    return text(out.toByteArray());
  }

  /** The same lines, each family's together; the order of families and series may differ. */
  private static void assertSameLines(String actual, String expected) {
    List<String> got = List.of(withoutPausedValue(actual).split("\n"));
    List<String> want = List.of(withoutPausedValue(expected).split("\n"));
    assertThat(got).hasSizeGreaterThan(100);
    assertThat(got.stream().sorted().toList())
        .containsExactlyElementsOf(want.stream().sorted().toList());
  }

  /** The page's pause counter rises after its own line is written, on a busy machine. */
  private static String withoutPausedValue(String page) {
    return page.replaceAll(
        "(?m)^(guestbench_collector_metrics_page_paused_seconds_total) \\S+$", "$1 V");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
