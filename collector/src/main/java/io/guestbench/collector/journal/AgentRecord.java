package io.guestbench.collector.journal;

import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.proto.v1.Hello;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What an agent said about itself in the Hello of its current stream, framed once as an agent
 * record (seq 0, {@code JournalRecord.agent} set). The writer puts it in front of the stream's
 * first batch in each segment, so every segment describes the agents whose batches it holds: the
 * description survives retention and a reader starting at any segment finds it.
 */
final class AgentRecord {
  final AgentKey key;
  private final ByteBuffer frame;
  private final long storedTimeUnixNano;

  AgentRecord(AgentKey key, Hello hello, long nowUnixNano) {
    this.key = key;
    this.frame = Frames.frame(RecordCodec.encodeAgent(key, nowUnixNano, hello));
    this.storedTimeUnixNano = nowUnixNano;
  }

  /** The record as something to write; not a batch, so it is never published. */
  Append append() {
    return new Append(key, 0, null, frame, storedTimeUnixNano, null, List.of(), null);
  }
}
