package io.guestbench.collector.journal;

import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.ProbeResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One batch on its way through the writer: framed on the gRPC thread, written and forced by the
 * writer, published (metrics, then the future) by the publisher.
 */
final class Append {
  final AgentKey key;
  final long seq;
  final Object stream;
  final ByteBuffer frame;
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
    this.key = key;
    this.seq = seq;
    this.stream = stream;
    this.frame = frame;
    this.storedTimeUnixNano = storedTimeUnixNano;
    this.labels = labels;
    this.results = results;
    this.agent = agent;
  }

  int bytes() {
    return frame.limit();
  }
}
