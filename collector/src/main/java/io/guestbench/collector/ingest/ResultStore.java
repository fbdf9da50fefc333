package io.guestbench.collector.ingest;

import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;

/**
 * Where accepted results are kept. A batch is acknowledged only after {@link #store} returns, and a
 * (agent, epoch, seq) key that was stored before is never stored again. The in-memory store keeps
 * the dedupe index for the process's life; the durable journal implements the same contract across
 * restarts.
 */
public interface ResultStore {

  /** The highest seq stored for {@code key}, or 0. */
  long highestStored(AgentKey key);

  /**
   * Stores {@code results} under {@code seq} unless that seq is not above the highest stored one;
   * returns false for such a duplicate.
   */
  boolean store(AgentKey key, long seq, AgentLabels labels, List<ProbeResult> results);
}
