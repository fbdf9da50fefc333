package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OsProbesTest {
  private final ResultChecker checker = new ResultChecker(Catalogue.standard());

  @Test
  void theAgentsResultsPassTheChecks() {
    for (ProbeResult r : MethodResults.oneOfEach()) {
      assertThat(checker.check(r)).as(r.getName()).isEmpty();
    }
  }

  @Test
  void aSkippedRunNeedsNoLabelsOrValues() {
    ProbeResult skipped =
        ProbeResult.newBuilder()
            .setRunId("run-s")
            .setKind(ProbeKind.PROBE_KIND_OS)
            .setName("spawn")
            .putParams("warmup", "300ms")
            .setStatus(RunStatus.RUN_STATUS_SKIPPED)
            .setStatusMessage("no executable /bin/true")
            .setStealRatio(-1)
            .build();

    assertThat(checker.check(skipped)).isEmpty();
  }

  @Test
  void anUnknownClockOrValueIsRefused() {
    ProbeResult sundial =
        MethodResults.ok(
                ProbeKind.PROBE_KIND_OS,
                "clock_read",
                Map.of("clock", "sundial"),
                Map.of("read_nanos", 1.0),
                "read_picos",
                1)
            .build();

    assertThat(checker.check(sundial))
        .extracting(Problem::reason)
        .containsExactlyInAnyOrder(Problem.Reason.BAD_PARAM_VALUE, Problem.Reason.UNKNOWN_VALUE);
  }

  @Test
  void exposition() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(TestResults.START));
    for (ProbeResult r : MethodResults.oneOfEach()) {
      metrics.record(Scenario.HVM, r);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());

    Golden.assertMatches("os-results.prom", out.toString(StandardCharsets.UTF_8));
  }
}
