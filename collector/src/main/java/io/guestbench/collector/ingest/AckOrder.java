package io.guestbench.collector.ingest;

import io.guestbench.proto.v1.Ack;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Nack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Answers one stream's batches in the order they arrived, whatever order the store finishes them
 * in: a cumulative Ack must never cover a batch that is not durable yet. Consecutive stored batches
 * share one Ack. After a retryable refusal nothing more is answered, because the agent drops the
 * stream on it and resends from what the next Welcome says is stored. Not thread-safe: the session
 * holds its lock around every call.
 */
final class AckOrder {
  private final Deque<Entry> entries = new ArrayDeque<>();
  private boolean stopped;

  /** One batch waiting for its answer. */
  static final class Entry {
    private final long seq;
    private CollectorMessage answer;
    private StoreOutcome outcome;

    private Entry(long seq) {
      this.seq = seq;
    }
  }

  /** A batch handed to the store; answered once {@link #stored} is called for it. */
  Entry add(long seq) {
    Entry e = new Entry(seq);
    entries.addLast(e);
    return e;
  }

  /** A batch refused for good at ingest; its Nack goes out in turn. */
  List<CollectorMessage> refused(long seq, String reason, String detail) {
    Entry e = add(seq);
    e.answer = nack(seq, reason, false, detail);
    return ready();
  }

  /**
   * A batch refused for now at ingest (over its rate): its retryable Nack goes out in turn, and, as
   * after any retryable refusal, nothing later on the stream is acknowledged.
   */
  List<CollectorMessage> retryLater(long seq, String reason, String detail) {
    Entry e = add(seq);
    e.answer = nack(seq, reason, true, detail);
    e.outcome = StoreOutcome.BUSY;
    return ready();
  }

  /** Records the store's answer and returns what can be sent now, in order. */
  List<CollectorMessage> stored(Entry e, StoreOutcome outcome) {
    e.outcome = outcome;
    if (outcome.retryable()) {
      e.answer = nack(e.seq, outcome.nackReason(), true, "retry later");
    }
    return ready();
  }

  /** Batches not answered yet. */
  int waiting() {
    return entries.size();
  }

  private List<CollectorMessage> ready() {
    List<CollectorMessage> out = new ArrayList<>();
    long ackThrough = 0;
    while (!entries.isEmpty() && isDone(entries.peekFirst()) && !stopped) {
      Entry e = entries.pollFirst();
      if (e.answer == null) {
        ackThrough = e.seq;
        continue;
      }
      flushAck(out, ackThrough);
      ackThrough = 0;
      out.add(e.answer);
      stopped = e.outcome != null && e.outcome.retryable();
    }
    flushAck(out, ackThrough);
    if (stopped) {
      entries.removeIf(AckOrder::isDone);
    }
    return out;
  }

  private static boolean isDone(Entry e) {
    return e.outcome != null || e.answer != null;
  }

  private static void flushAck(List<CollectorMessage> out, long seq) {
    if (seq > 0) {
      out.add(CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(seq)).build());
    }
  }

  private static CollectorMessage nack(long seq, String reason, boolean retryable, String detail) {
    return CollectorMessage.newBuilder()
        .setNack(
            Nack.newBuilder()
                .setSeq(seq)
                .setReason(reason)
                .setRetryable(retryable)
                .setDetail(detail))
        .build();
  }
}
