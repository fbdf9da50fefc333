package io.guestbench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.AgentMessageView;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.BatchView;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import io.guestbench.proto.v1.JournalRecord;
import io.guestbench.proto.v1.JournalRecordView;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The views in {@code ingest_view.proto} stay wire-identical to what they stand for: same numbers,
 * names, wire types and oneofs, each ProbeResult field a bytes field and each nested view in place
 * of its original. A field added to AgentMessage, Batch or JournalRecord fails this until its view
 * has it too.
 */
class IngestViewTest {
  private static final Map<String, String> VIEWS =
      Map.of(
          ProbeResult.getDescriptor().getFullName(),
          "bytes",
          Batch.getDescriptor().getFullName(),
          BatchView.getDescriptor().getFullName());

  @Test
  void agentMessageViewMirrorsAgentMessage() {
    assertThat(fields(AgentMessageView.getDescriptor()))
        .isEqualTo(fields(AgentMessage.getDescriptor()));
  }

  @Test
  void batchViewMirrorsBatch() {
    assertThat(fields(BatchView.getDescriptor())).isEqualTo(fields(Batch.getDescriptor()));
  }

  /** A batch record has no agent (field 7); agent records are written as JournalRecord. */
  @Test
  void journalRecordViewMirrorsJournalRecordBatchFields() {
    Map<Integer, List<String>> record = fields(JournalRecord.getDescriptor());
    assertThat(record.remove(JournalRecord.AGENT_FIELD_NUMBER)).isNotNull();
    assertThat(fields(JournalRecordView.getDescriptor())).isEqualTo(record);
  }

  @Test
  void connectIsBoundUnderTheGeneratedMethodName() {
    ManualClock clock = new ManualClock(0);
    ResultMetrics metrics = new ResultMetrics(new PrometheusRegistry(), clock);
    IngestService service =
        new IngestService(
            "c",
            IngestLimits.defaults(),
            new MemoryResultStore(metrics),
            metrics,
            new SessionRegistry(),
            new IngestCounters(new SimpleMeterRegistry()),
            clock);
    assertThat(
            service
                .bindService()
                .getMethod(CollectorServiceGrpc.getConnectMethod().getFullMethodName()))
        .isNotNull()
        .satisfies(
            m ->
                assertThat(m.getMethodDescriptor().getType())
                    .isEqualTo(CollectorServiceGrpc.getConnectMethod().getType()));
  }

  /** By number: name, type (a view for its original), label and oneof. */
  private static Map<Integer, List<String>> fields(Descriptor message) {
    Map<Integer, List<String>> out = new TreeMap<>();
    for (FieldDescriptor f : message.getFields()) {
      String type =
          switch (f.getJavaType()) {
            case MESSAGE -> f.getMessageType().getFullName();
            case ENUM -> f.getEnumType().getFullName();
            default -> f.getType().name().toLowerCase(Locale.ROOT);
          };
      out.put(
          f.getNumber(),
          List.of(
              f.getName(),
              VIEWS.getOrDefault(type, type),
              f.isRepeated() ? "repeated" : "singular",
              f.getRealContainingOneof() == null ? "" : f.getRealContainingOneof().getName()));
    }
    return out;
  }
}
