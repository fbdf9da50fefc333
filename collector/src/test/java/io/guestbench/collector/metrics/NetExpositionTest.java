package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The network families as Prometheus and OpenMetrics text, against reviewed golden files. */
class NetExpositionTest {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private final MetricSnapshots snapshots = scrape();

  @Test
  void prometheusText() throws IOException {
    Golden.assertMatches("net.prom", render(PrometheusTextFormatWriter.create()));
  }

  @Test
  void openMetricsText() throws IOException {
    Golden.assertMatches("net.openmetrics", render(OpenMetricsTextFormatWriter.create()));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void promtoolFindsNothingToComplainAbout() throws Exception {
    assertThat(Files.isExecutable(PROMTOOL)).as("%s is installed", PROMTOOL).isTrue();
    Process promtool =
        new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = promtool.getOutputStream()) {
      stdin.write(render(PrometheusTextFormatWriter.create()).getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor()).as("exit status; output:%n%s", output).isZero();
    assertThat(output).isEmpty();
  }

  private static MetricSnapshots scrape() {
    PrometheusRegistry registry = new PrometheusRegistry();
    NetScenario.record(registry);
    return registry.scrape();
  }

  private String render(ExpositionFormatWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }
}
