package io.guestbench.e2e.load;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The batches of one agent that await an answer, and what a cumulative Ack or a Nack settles: an
 * Ack of seq n settles every batch up to n, each with its own latency. Batches keep their encoded
 * message and their first (intended) send time, so a batch resent on a new stream goes out with the
 * same bytes and its latency counts from the first send.
 */
final class AckWindow {
  private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
  private long lastSeq;

  /** One batch on the wire: when it was (meant to be) first sent and what it carried. */
  record InFlight(long seq, long sentNanos, BatchSource.Next batch) {
    int results() {
      return batch.results();
    }

    int samples() {
      return batch.samples();
    }
  }

  /** What one answer settled. */
  record Settled(int batches, long results, long samples) {
    static final Settled NONE = new Settled(0, 0, 0);
  }

  /** Records a sent batch; seqs must increase, as on a real stream. */
  void sent(long seq, long sentNanos, BatchSource.Next batch) {
    if (seq <= lastSeq) {
      throw new IllegalArgumentException("seq " + seq + " after " + lastSeq);
    }
    lastSeq = seq;
    inFlight.addLast(new InFlight(seq, sentNanos, batch));
  }

  /** The lowest seq not yet settled, or 0 when every batch is (Hello's first_unacked_seq). */
  long firstUnacked() {
    return inFlight.isEmpty() ? 0 : inFlight.peekFirst().seq();
  }

  /** The batches not yet settled, lowest seq first: what a new stream resends. */
  List<InFlight> unsettled() {
    return List.copyOf(inFlight);
  }

  /** Batches sent and not yet settled. */
  int size() {
    return inFlight.size();
  }

  /** Settles every batch with seq ≤ {@code seq}, passing each one's latency to {@code latency}. */
  Settled ack(long seq, long nowNanos, LongConsumer latency) {
    int batches = 0;
    long results = 0;
    long samples = 0;
    while (!inFlight.isEmpty() && inFlight.peekFirst().seq() <= seq) {
      InFlight b = inFlight.pollFirst();
      latency.accept(nowNanos - b.sentNanos());
      batches++;
      results += b.results();
      samples += b.samples();
    }
    return batches == 0 ? Settled.NONE : new Settled(batches, results, samples);
  }

  /** Settles the one batch a Nack names, if it is still in flight. */
  Optional<InFlight> nack(long seq) {
    for (Iterator<InFlight> it = inFlight.iterator(); it.hasNext(); ) {
      InFlight b = it.next();
      if (b.seq() == seq) {
        it.remove();
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
