package io.guestbench.e2e.load;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The batches of one agent stream that await an answer, and what a cumulative Ack or a Nack
 * settles: an Ack of seq n settles every batch up to n, each with its own latency.
 */
final class AckWindow {
  private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
  private long lastSeq;

  /** One batch on the wire: when it was (meant to be) sent and what it carried. */
  record InFlight(long seq, long sentNanos, int results, int samples) {}

  /** What one answer settled. */
  record Settled(int batches, long results, long samples) {
    static final Settled NONE = new Settled(0, 0, 0);
  }

  /** Records a sent batch; seqs must increase, as on a real stream. */
  void sent(long seq, long sentNanos, int results, int samples) {
    if (seq <= lastSeq) {
      throw new IllegalArgumentException("seq " + seq + " after " + lastSeq);
    }
    lastSeq = seq;
    inFlight.addLast(new InFlight(seq, sentNanos, results, samples));
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
