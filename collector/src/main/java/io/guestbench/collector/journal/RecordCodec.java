package io.guestbench.collector.journal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.JournalLabels;
import io.guestbench.proto.v1.JournalRecord;
import io.guestbench.proto.v1.ProbeResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** Turns batches into {@code JournalRecord} payloads and back. */
final class RecordCodec {
  private RecordCodec() {}

  /** The dedupe key and time of a record, read without parsing its results. */
  record Head(AgentKey key, long seq, long storedTimeUnixNano) {}

  static JournalRecord encode(
      AgentKey key, long seq, long timeUnixNano, AgentLabels labels, List<ProbeResult> results) {
    return JournalRecord.newBuilder()
        .setAgentId(key.agentId())
        .setEpoch(key.epoch())
        .setSeq(seq)
        .setStoredTimeUnixNano(timeUnixNano)
        .setLabels(
            JournalLabels.newBuilder()
                .setVirtType(labels.virtType())
                .setInstanceType(labels.instanceType())
                .setExperiment(labels.experiment()))
        .addAllResults(results)
        .build();
  }

  static StoredBatch decode(ByteBuffer payload) throws IOException {
    JournalRecord r = JournalRecord.parseFrom(payload);
    JournalLabels l = r.getLabels();
    return new StoredBatch(
        new AgentKey(r.getAgentId(), r.getEpoch()),
        r.getSeq(),
        r.getStoredTimeUnixNano(),
        new AgentLabels(r.getAgentId(), l.getVirtType(), l.getInstanceType(), l.getExperiment()),
        r.getResultsList());
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
