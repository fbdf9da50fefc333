package io.guestbench.agent.ship;

import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.Optional;

/**
 * Where results wait until the collector has stored them. Sequence numbers are assigned here, start
 * at 1 in each epoch and are never reused (there may be gaps). The in-memory implementation lives
 * as long as the process; the durable spool keeps batches, epoch and numbering across restarts.
 */
public interface Outbox {

  /** The epoch this outbox numbers batches in. */
  long epoch();

  /**
   * Starts this process's run ids, unique per agent: an epoch can outlive the process (the spool
   * keeps it across restarts), so the epoch alone would repeat run ids.
   */
  default String runPrefix() {
    return Long.toString(epoch());
  }

  /** Stores {@code results} as the next batch and returns its seq (0 when it had to drop it). */
  long append(List<ProbeResult> results);

  /** The first held batch with seq greater than {@code afterSeq}. */
  Optional<Batch> next(long afterSeq);

  /**
   * Releases every batch with seq at or below {@code seq}: the collector stored them. A seq above
   * any assigned (the collector knows more of this epoch than the outbox) moves numbering past it.
   */
  void acknowledge(long seq);

  /**
   * A new stream's Welcome: the collector has stored every batch up to {@code highestStored} and
   * none above it. Releases what it covers and settles batches dropped while their fate was open.
   */
  void welcomed(long highestStored);

  /** Releases one batch the collector will never accept, counting it under {@code reason}. */
  void reject(long seq, String reason);

  /** The lowest held seq, or 0 when nothing is held. */
  long firstUnacked();

  /** Counts for heartbeats and metrics. */
  OutboxStats stats();

  /** Called (from any thread) after every append. */
  void onAppend(Runnable listener);
}
