package io.guestbench.e2e.load;

import java.util.List;

/**
 * Open-loop pacing: batch k of the whole fleet is due at {@code start + k / batchesPerSecond} and
 * goes to agent {@code k mod n}, so each agent sends evenly spaced batches whatever the answers do.
 * With a ramp the rate rises linearly from zero to the full rate over the ramp's first seconds,
 * then stays there.
 */
final class Pacer {
  private final List<LoadAgent> agents;
  private final long startNanos;
  private final double nanosPerBatch;
  private final long rampNanos;
  private final double rampBatches; // batches due within the ramp
  private long next;

  Pacer(List<LoadAgent> agents, long startNanos, long resultsPerSecond, int batch) {
    this(agents, startNanos, resultsPerSecond, batch, 0);
  }

  Pacer(List<LoadAgent> agents, long startNanos, long resultsPerSecond, int batch, long rampNanos) {
    this.agents = agents;
    this.startNanos = startNanos;
    this.nanosPerBatch = 1e9 * batch / resultsPerSecond;
    this.rampNanos = rampNanos;
    this.rampBatches = rampNanos / nanosPerBatch / 2;
  }

  /** When batch {@code k} is due. */
  long dueNanos(long k) {
    if (k < rampBatches) {
      // k batches are due by t when k = t^2 / (2 ramp nanosPerBatch).
      return startNanos + (long) Math.sqrt(2.0 * k * rampNanos * nanosPerBatch);
    }
    return startNanos + rampNanos / 2 + (long) (k * nanosPerBatch);
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
