package io.guestbench.agent.ship;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Batches an outbox dropped (a cap, a damaged record) after handing them to a stream. The collector
 * may have stored such a batch while its ack was lost, so counting it as dropped at once could
 * count a stored result twice. It stays in doubt, counted as held, until an ack covers it (stored)
 * or the next Welcome says the collector never got it (dropped). A batch dropped before it was ever
 * handed out is dropped at once. The {@link Ledger} owns it and settles into it.
 */
final class DropsInDoubt {
  private record Doubt(int results, String reason) {}

  private final Ledger ledger;
  private final NavigableMap<Long, Doubt> doubts = new TreeMap<>();
  private long handedOutThrough;
  private long results;

  DropsInDoubt(Ledger ledger) {
    this.ledger = ledger;
  }

  /** A stream took the batch {@code seq} to send. */
  void handedOut(long seq) {
    handedOutThrough = Math.max(handedOutThrough, seq);
  }

  /** The outbox gave up the batch {@code seq} for {@code reason}. */
  void drop(long seq, int batchResults, String reason) {
    if (seq <= handedOutThrough) {
      doubts.put(seq, new Doubt(batchResults, reason));
      results += batchResults;
    } else {
      ledger.dropped(reason, batchResults);
    }
  }

  /** The collector stored every batch up to {@code seq}. */
  void acknowledged(long seq) {
    Map<Long, Doubt> covered = doubts.headMap(seq, true);
    covered.values().forEach(d -> settle(d, null));
    covered.clear();
  }

  /**
   * A new stream's Welcome: the collector holds every batch up to {@code highestStored} and none
   * above it, so what is still in doubt above it was lost; nothing above it has been sent since.
   */
  void welcomed(long highestStored) {
    acknowledged(highestStored);
    doubts.values().forEach(d -> settle(d, d.reason()));
    doubts.clear();
    handedOutThrough = highestStored;
  }

  long batches() {
    return doubts.size();
  }

  long results() {
    return results;
  }

  private void settle(Doubt d, String dropReason) {
    results -= d.results();
    if (dropReason == null) {
      ledger.acknowledged(d.results());
    } else {
      ledger.dropped(dropReason, d.results());
    }
  }
}
