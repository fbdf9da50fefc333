package io.guestbench.collector.ingest;

/** What became of one batch handed to a {@link ResultStore}. */
public enum StoreOutcome {
  /** Durable now; acknowledge it. */
  STORED,
  /** Stored before (same agent, epoch and seq); acknowledge it, store nothing. */
  DUPLICATE,
  /** Not stored: too much is waiting to be written; the agent keeps it and resends later. */
  BUSY,
  /** Not stored: the store could not make it durable; the agent keeps it and resends later. */
  FAILED;

  /** Whether the agent may send the batch again and expect it to be stored. */
  public boolean retryable() {
    return this == BUSY || this == FAILED;
  }

  /** The bounded reason of a retryable Nack. */
  public String nackReason() {
    return this == BUSY ? "journal_busy" : "journal_unavailable";
  }
}
