package io.guestbench.collector.journal;

import com.google.protobuf.MessageLite;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.ProbeResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One batch on its way through the writer: its record built on the gRPC thread, framed straight
 * into the writer's buffer, written and forced by the writer, published (metrics, then the future)
 * by the publisher. Framing there copies the results once, not twice: a batch framed into an array
 * of its own first cost the gRPC threads an allocation, a copy and a checksum of every byte.
 */
final class Append {
  final AgentKey key;
  final long seq;
  final Object stream;
  private final ByteBuffer frame; // already framed, or null
  private final MessageLite record; // to be framed, or null
  private final int bytes;
  final long storedTimeUnixNano;
  final AgentLabels labels;
  final List<ProbeResult> results;

  /** The description of the agent's stream, written before its first batch in a segment. */
  final AgentRecord agent;

  final CompletableFuture<StoreOutcome> result = new CompletableFuture<>();

  /** Set by the writer before it hands the append to the publisher. */
  StoreOutcome outcome;

  Append(
      AgentKey key,
      long seq,
      Object stream,
      ByteBuffer frame,
      long storedTimeUnixNano,
      AgentLabels labels,
      List<ProbeResult> results,
      AgentRecord agent) {
    this(key, seq, stream, frame, null, frame.limit(), storedTimeUnixNano, labels, results, agent);
  }

  /** A batch whose {@code record} the writer frames. */
  Append(
      AgentKey key,
      long seq,
      Object stream,
      MessageLite record,
      long storedTimeUnixNano,
      AgentLabels labels,
      List<ProbeResult> results,
      AgentRecord agent) {
    this(
        key,
        seq,
        stream,
        null,
        record,
        framedSize(record),
        storedTimeUnixNano,
        labels,
        results,
        agent);
  }

  private Append(
      AgentKey key,
      long seq,
      Object stream,
      ByteBuffer frame,
      MessageLite record,
      int bytes,
      long storedTimeUnixNano,
      AgentLabels labels,
      List<ProbeResult> results,
      AgentRecord agent) {
    this.key = key;
    this.seq = seq;
    this.stream = stream;
    this.frame = frame;
    this.record = record;
    this.bytes = bytes;
    this.storedTimeUnixNano = storedTimeUnixNano;
    this.labels = labels;
    this.results = results;
    this.agent = agent;
  }

  private static int framedSize(MessageLite record) {
    int length = record.getSerializedSize();
    Frames.checkLength(length);
    return Frames.HEADER_BYTES + length;
  }

  /** The frame's size in bytes. */
  int bytes() {
    return bytes;
  }

  /** Whether {@link #frameInto} can frame it in place (else {@link #frame} copies it). */
  boolean framesInPlace() {
    return record != null;
  }

  /** Frames the record at {@code dst}'s position, which must have {@link #bytes} left. */
  void frameInto(ByteBuffer dst) {
    Frames.frameInto(record, bytes - Frames.HEADER_BYTES, dst);
  }

  /** The whole frame, read from its position: framed now if it was not yet. */
  ByteBuffer frame() {
    return frame != null ? frame.duplicate() : Frames.frame(record);
  }
}
