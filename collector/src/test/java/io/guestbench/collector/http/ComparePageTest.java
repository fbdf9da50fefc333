package io.guestbench.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.report.ReportJournalAccess;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /compare} page in a real browser (headless Chromium): it renders without any external
 * asset, its charts are drawn, and every plotted ratio and interval equals the JSON API's.
 */
class ComparePageTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private static final Pattern RATIO =
      Pattern.compile(
          "<g class=\"ratio\" data-config=\"([^\"]*)\" data-metric=\"([^\"]*)\" data-group=\"([^\"]*)\""
              + " data-estimate=\"([^\"]*)\" data-lower=\"([^\"]*)\" data-upper=\"([^\"]*)\""
              + " data-outcome=\"([^\"]*)\">");

  @TempDir Path dir;
  private HttpEndpoints http;
  private String base;

  @BeforeEach
  void serve() throws Exception {
    Path journal = dir.resolve("journal");
    ReportJournalAccess.write(journal, 10, 0.8, 2);
    CompareEndpoint compare = new CompareEndpoint(journal, new ManualClock(0));
    http =
        new HttpEndpoints(
            new InetSocketAddress("127.0.0.1", 0),
            registry,
            new ResultMetrics(registry, new ManualClock(0)),
            () -> true,
            Map.of(
                "/api/v1/compare", compare.as(CompareEndpoint.Shape.JSON),
                "/compare", compare.as(CompareEndpoint.Shape.PAGE)));
    http.start();
    base = "http://127.0.0.1:" + http.port();
  }

  @AfterEach
  void stop() {
    http.stop(Duration.ZERO);
  }

  @Test
  void thePageRendersItsChartsAndShowsTheSameFiguresAsTheJson() throws Exception {
    HeadlessChromium chromium = new HeadlessChromium(dir);
    String dom = chromium.dumpDom(base + "/compare?by=virt_type");
    JsonNode json =
        new ObjectMapper()
            .readTree(
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/compare?by=virt_type"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());

    assertThat(dom).contains("<svg id=\"ratios\"", "<svg id=\"failures\"", "<table id=\"speed\"");
    assertThat(dom).doesNotContain("src=\"http", "href=\"http"); // nothing fetched from elsewhere
    Map<String, String[]> plotted = new HashMap<>();
    Matcher m = RATIO.matcher(dom);
    while (m.find()) {
      plotted.put(
          m.group(1) + "|" + m.group(2) + "|" + m.group(3),
          new String[] {m.group(4), m.group(5), m.group(6), m.group(7)});
    }
    int compared = 0;
    for (JsonNode row : json.path("speed")) {
      for (JsonNode c : row.path("comparisons")) {
        if (c.path("ratio").isMissingNode()) {
          continue;
        }
        String key =
            row.path("config").asText()
                + "|"
                + row.path("metric").asText()
                + "|"
                + c.path("group").asText();
        assertThat(plotted).as("plotted: " + key).containsKey(key);
        String[] p = plotted.get(key);
        assertThat(Double.parseDouble(p[0])).isEqualTo(c.path("ratio").path("estimate").asDouble());
        assertThat(Double.parseDouble(p[1])).isEqualTo(c.path("ratio").path("lower").asDouble());
        assertThat(Double.parseDouble(p[2])).isEqualTo(c.path("ratio").path("upper").asDouble());
        assertThat(p[3]).isEqualTo(c.path("outcome").asText());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(plotted.size()).isPositive();
    assertThat(dom).contains("<span id=\"runs\">" + json.path("runs").asLong() + "</span>");

    BufferedImage shot =
        ImageIO.read(
            chromium.screenshot(base + "/compare", dir.resolve("page.png"), 1280, 1400).toFile());
    assertThat(pixels(shot, 0xcf222e)).as("red marks: pv is slower").isPositive();
    assertThat(pixels(shot, 0xbc4c00)).as("the failures bar").isPositive();
  }

  private static long pixels(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (close(image.getRGB(x, y) & 0xffffff, rgb)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 12) {
        return false;
      }
    }
    return true;
  }
}
