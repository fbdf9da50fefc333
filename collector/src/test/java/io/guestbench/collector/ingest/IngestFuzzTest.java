package io.guestbench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.CheckedBatch;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.collector.metrics.SeriesLimits;
import io.guestbench.proto.v1.AgentMessageView;
import io.guestbench.proto.v1.JournalRecord;
import io.guestbench.proto.v1.JournalRecordView;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Arbitrary bytes through the path a remote agent's message takes: decode (as the view the service
 * reads, each result then from its own bytes), Hello checks, per-result checks and budgets,
 * recording, exposition. Nothing may throw, whatever was accepted must expose as valid text, and
 * the bytes of accepted results, as the journal keeps them, must parse as those same results. Seeds
 * live in {@code src/test/resources/.../IngestFuzzTestInputs}; plain test runs replay them, {@code
 * JAZZER_FUZZ=1} fuzzes (CI runs a bounded session).
 */
class IngestFuzzTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ResultMetrics metrics =
      new ResultMetrics(
          registry, new ManualClock(1_700_000_000_000_000_000L), new SeriesLimits(500, 1000));
  private final BatchCheck check = new BatchCheck(metrics, 1000);
  private final AgentLabels agent = new AgentLabels("fuzz", "xen-hvm", "m5.large", "e1");

  @FuzzTest(maxDuration = "30s")
  void anyBytesAreRefusedOrRecordedNeverThrown(byte[] input) throws IOException {
    AgentMessageView message;
    try {
      message = AgentMessageView.parseFrom(input);
    } catch (InvalidProtocolBufferException e) {
      return;
    }
    switch (message.getKindCase()) {
      case HELLO -> {
        if (HelloCheck.problem(message.getHello()).isEmpty()) {
          metrics.agentConnected(
              HelloCheck.labels(message.getHello()), HelloCheck.infoFacts(message.getHello()));
        }
      }
      case BATCH -> {
        BatchCheck.Verdict verdict = check.check(agent, message.getBatch());
        for (ProbeResult accepted : verdict.accepted()) {
          metrics.record(agent, accepted);
        }
        assertThat(journaled(verdict.accepted()))
            .as("the journal's bytes parse as the results accepted from them")
            .isEqualTo(verdict.accepted());
        assertThat(
                verdict.accepted().size()
                    + verdict.rejected().values().stream().mapToInt(i -> i).sum())
            .isGreaterThanOrEqualTo(Math.min(1, message.getBatch().getResultsCount()));
      }
      default -> {}
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
  }

  /** The accepted results' bytes in a journal record, as a journal reader parses them. */
  private static List<ProbeResult> journaled(List<ProbeResult> accepted)
      throws InvalidProtocolBufferException {
    if (accepted.isEmpty()) {
      return List.of();
    }
    byte[] record =
        JournalRecordView.newBuilder()
            .setSeq(1)
            .addAllResults(((CheckedBatch) accepted).encoded())
            .build()
            .toByteArray();
    return JournalRecord.parseFrom(record).getResultsList();
  }
}
