package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static io.guestbench.collector.metrics.TestResults.diskRead;
import static io.guestbench.collector.metrics.TestResults.diskSyncedWrite;
import static io.guestbench.collector.metrics.TestResults.failedCompute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A checked batch records exactly what recording its results one by one records. */
class CheckedBatchTest {
  private final AgentLabels agent = new AgentLabels("a-1", "xen-hvm", "m5.large", "e1");
  private final List<ProbeResult> results =
      List.of(
          compute("int", 4.5e8, 4_400_000, 4_450_000, 4_500_000, 10_000_000).build(),
          compute("fp", 9.8e8, 0, 2_050_000, 2_040_000).build(),
          diskRead(4, 12_000, 90_000, 120_000, 2_500_000).build(),
          diskSyncedWrite(800, 400_000, 1_200_000).build(),
          failedCompute(RunStatus.RUN_STATUS_TIMEOUT).build());

  @Test
  void recordsWhatRecordingOneByOneRecords() throws IOException {
    PrometheusRegistry oneByOne = new PrometheusRegistry();
    ResultMetrics first = new ResultMetrics(oneByOne, new ManualClock(TestResults.START));
    results.forEach(r -> first.record(agent, r));

    PrometheusRegistry batched = new PrometheusRegistry();
    ResultMetrics second = new ResultMetrics(batched, new ManualClock(TestResults.START));
    CheckedBatch batch = new CheckedBatch();
    for (ProbeResult r : results) {
      ResultMetrics.Checked checked = second.checkToRecord(r);
      assertThat(checked.problems()).isEmpty();
      batch.accept(checked, r.toByteString());
    }
    assertThat(batch).containsExactlyElementsOf(results);
    assertThat(batch.encoded())
        .containsExactlyElementsOf(results.stream().map(ProbeResult::toByteString).toList());
    second.record(agent, batch);

    assertThat(text(batched)).isEqualTo(text(oneByOne)).contains("bucket");
  }

  @Test
  void refusesAResultWithProblems() {
    ResultMetrics metrics = new ResultMetrics(new PrometheusRegistry(), new ManualClock(1));
    ProbeResult bad = compute("int", 1, 5).setStatusValue(0).build();
    ResultMetrics.Checked checked = metrics.checkToRecord(bad);
    assertThat(checked.problems()).isNotEmpty();
    assertThatThrownBy(() -> new CheckedBatch().accept(checked, bad.toByteString()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String text(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }
}
