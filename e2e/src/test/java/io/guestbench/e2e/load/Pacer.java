package io.guestbench.e2e.load;

import java.util.List;

/**
 * Open-loop pacing: batch k of the whole fleet is due at {@code start + k / batchesPerSecond} and
 * goes to agent {@code k mod n}, so each agent sends evenly spaced batches whatever the answers do.
 */
final class Pacer {
  private final List<LoadAgent> agents;
  private final long startNanos;
  private final double nanosPerBatch;
  private long next;

  Pacer(List<LoadAgent> agents, long startNanos, long resultsPerSecond, int batch) {
    this.agents = agents;
    this.startNanos = startNanos;
    this.nanosPerBatch = 1e9 * batch / resultsPerSecond;
  }

  /** When batch {@code k} is due. */
  long dueNanos(long k) {
    return startNanos + (long) (k * nanosPerBatch);
  }

  /** Hands every batch due by {@code nowNanos} to its agent; returns how many. */
  int release(long nowNanos) {
    int released = 0;
    while (dueNanos(next) <= nowNanos) {
      agents.get((int) (next % agents.size())).due(dueNanos(next));
      next++;
      released++;
    }
    return released;
  }
}
