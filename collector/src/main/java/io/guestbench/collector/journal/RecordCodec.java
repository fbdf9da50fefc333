package io.guestbench.collector.journal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.CheckedBatch;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.JournalAgent;
import io.guestbench.proto.v1.JournalLabels;
import io.guestbench.proto.v1.JournalRecord;
import io.guestbench.proto.v1.JournalRecordView;
import io.guestbench.proto.v1.ProbeResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** Turns batches into {@code JournalRecord} payloads and back. */
final class RecordCodec {
  private RecordCodec() {}

  /** The dedupe key and time of a record, read without parsing its results. */
  record Head(AgentKey key, long seq, long storedTimeUnixNano) {}

  /**
   * A batch record, written as the {@code JournalRecordView} it is on the wire, so the results go
   * in as bytes: a {@link CheckedBatch} brings each as the agent encoded it, any other list is
   * encoded here. Either way a reader parses the payload as the {@code JournalRecord} of these
   * results.
   */
  static JournalRecordView encode(
      AgentKey key, long seq, long timeUnixNano, AgentLabels labels, List<ProbeResult> results) {
    return JournalRecordView.newBuilder()
        .setAgentId(key.agentId())
        .setEpoch(key.epoch())
        .setSeq(seq)
        .setStoredTimeUnixNano(timeUnixNano)
        .setLabels(
            JournalLabels.newBuilder()
                .setVirtType(labels.virtType())
                .setInstanceType(labels.instanceType())
                .setExperiment(labels.experiment()))
        .addAllResults(encoded(results))
        .build();
  }

  private static List<ByteString> encoded(List<ProbeResult> results) {
    return results instanceof CheckedBatch checked
        ? checked.encoded()
        : results.stream().map(ProbeResult::toByteString).toList();
  }

  /** An agent record: seq 0, no results, what the agent's Hello said about it. */
  static JournalRecord encodeAgent(AgentKey key, long timeUnixNano, Hello hello) {
    return JournalRecord.newBuilder()
        .setAgentId(key.agentId())
        .setEpoch(key.epoch())
        .setStoredTimeUnixNano(timeUnixNano)
        .setAgent(
            JournalAgent.newBuilder()
                .setAgentVersion(hello.getAgentVersion())
                .setDetectedVirtType(hello.getFacts().getVirtType())
                .putAllFacts(hello.getFacts().getFactsMap())
                .putAllLabels(hello.getLabelsMap()))
        .build();
  }

  /** A whole record: a batch, or an agent record (seq 0, see {@link #agent}). */
  static JournalRecord parse(ByteBuffer payload) throws InvalidProtocolBufferException {
    return JournalRecord.parseFrom(payload);
  }

  static StoredBatch decode(JournalRecord r, AgentDescription agent) {
    JournalLabels l = r.getLabels();
    return new StoredBatch(
        new AgentKey(r.getAgentId(), r.getEpoch()),
        r.getSeq(),
        r.getStoredTimeUnixNano(),
        new AgentLabels(r.getAgentId(), l.getVirtType(), l.getInstanceType(), l.getExperiment()),
        agent,
        r.getResultsList());
  }

  static StoredBatch decode(ByteBuffer payload) throws IOException {
    return decode(parse(payload), AgentDescription.UNKNOWN);
  }

  static AgentDescription agent(JournalRecord r) {
    JournalAgent a = r.getAgent();
    // An agent record's time is when its stream's Hello was accepted (see AgentRecord).
    return new AgentDescription(
        a.getAgentVersion(),
        a.getDetectedVirtType(),
        a.getFactsMap(),
        a.getLabelsMap(),
        r.getStoredTimeUnixNano());
  }

  /** Fields 1-4 only; the writer emits fields in number order, so they come first. */
  static Head head(ByteBuffer payload) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(payload.duplicate());
    String agentId = "";
    long epoch = 0;
    long seq = 0;
    long time = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> agentId = in.readStringRequireUtf8();
        case 2 -> epoch = in.readUInt64();
        case 3 -> seq = in.readUInt64();
        case 4 -> time = in.readFixed64();
        default -> {
          return new Head(new AgentKey(agentId, epoch), seq, time);
        }
      }
    }
    return new Head(new AgentKey(agentId, epoch), seq, time);
  }
}
