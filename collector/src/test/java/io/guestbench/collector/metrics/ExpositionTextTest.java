package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.Heartbeat;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast writer against the Prometheus client's writers on the same series: the same lines, and
 * every family's lines together.
 */
class ExpositionTextTest {
  private static final Map<String, Function<PrometheusRegistry, ResultMetrics>> SCENARIOS =
      Map.of(
          "compute", Scenario::record,
          "net", NetScenario::record,
          "odd labels", ExpositionTextTest::oddLabels);

  @ParameterizedTest
  @ValueSource(strings = {"compute", "net", "odd labels"})
  void writesWhatThePrometheusClientWrites(String scenario) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    ResultMetrics metrics = SCENARIOS.get(scenario).apply(registry);

    for (boolean openMetrics : new boolean[] {false, true}) {
      ExpositionFormatWriter client =
          openMetrics ? OpenMetricsTextFormatWriter.create() : PrometheusTextFormatWriter.create();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      client.write(expected, registry.scrape());
      ByteArrayOutputStream actual = new ByteArrayOutputStream();
      metrics.writeText(actual, openMetrics);

      List<String> want = lines(expected);
      if (openMetrics) {
        assertThat(want.getLast()).isEqualTo("# EOF");
        want.removeLast();
      }
      List<String> got = lines(actual);
      assertThat(got).as("%s, OpenMetrics %s", scenario, openMetrics).hasSizeGreaterThan(20);
      assertThat(got.stream().sorted().toList())
          .as("%s, OpenMetrics %s", scenario, openMetrics)
          .containsExactlyElementsOf(want.stream().sorted().toList());
      assertFamiliesTogether(got);
    }
  }

  /** Each family's metadata comes first and its samples follow it, none elsewhere. */
  private static void assertFamiliesTogether(List<String> lines) {
    Set<String> done = new HashSet<>();
    String current = null;
    for (String line : lines) {
      if (line.startsWith("# TYPE ")) {
        String family = line.split(" ")[2];
        assertThat(done.add(family)).as("family %s appears twice", family).isTrue();
        current = family;
      } else if (!line.startsWith("#")) {
        assertThat(line).startsWith(current);
      }
    }
  }

  private static List<String> lines(ByteArrayOutputStream out) {
    return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
  }

  /** Label values that need escaping, non-ASCII text, and heartbeat gauges. */
  private static ResultMetrics oddLabels(PrometheusRegistry registry) {
    ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(TestResults.START));
    AgentLabels odd = new AgentLabels("odd-1", "xen-\"hvm\"", "m3.\\medium", "zwölf\nzeilen");
    metrics.agentConnected(odd, Map.of("cpu_model", "Intel® \"Xeon\" \\ E5", "region", "€"));
    metrics.record(odd, compute("int", 4.44e8, 4_400_000, 4_450_000, 0, 10_000_000).build());
    metrics.heartbeat(
        odd,
        Heartbeat.newBuilder()
            .setBufferedBatches(3)
            .setProducedResults(12)
            .putDroppedResultsByReason("age", 2)
            .build());
    return metrics;
  }
}
