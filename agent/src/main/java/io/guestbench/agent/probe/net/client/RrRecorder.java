package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.Samples;
import java.util.concurrent.CompletableFuture;

/**
 * The measuring part shared by the request/response loops. The loop's event loop records; the probe
 * thread only marks the start of the measured time and asks for the end, which the loop answers on
 * its own thread, so the samples are handed over safely.
 */
final class RrRecorder {
  /** Transactions one test may run, whatever its duration: a bound on every loop. */
  static final long MAX_TRANSACTIONS = Integer.MAX_VALUE;

  private final Samples samples = new Samples();
  private final CompletableFuture<RrFigures> done = new CompletableFuture<>();
  private volatile long measureFrom = Long.MAX_VALUE;
  private long lost;
  private long transactions;
  private boolean stopped;

  /** From now on, transactions that start count. Any thread. */
  void measure() {
    measureFrom = System.nanoTime();
  }

  /** Whether a transaction that started (or was meant to start) at {@code at} counts. */
  boolean counts(long at) {
    return !stopped && at >= measureFrom;
  }

  /** A transaction ended; returns false once the loop should send no more. Loop thread. */
  boolean answered(long startedAt, long endedAt) {
    transactions++;
    if (counts(startedAt)) {
      samples.record(endedAt - startedAt);
    }
    return !stopped && transactions < MAX_TRANSACTIONS;
  }

  /** A UDP transaction that started at {@code at} got no answer in time. Loop thread. */
  void lost(long at) {
    if (counts(at)) {
      lost++;
    }
  }

  boolean stopped() {
    return stopped;
  }

  /** Ends the measured time and hands the figures over. Loop thread. */
  void stop(long retransmits) {
    if (!stopped) {
      stopped = true;
      long window = System.nanoTime() - measureFrom;
      done.complete(
          new RrFigures(samples, measureFrom == Long.MAX_VALUE ? 0 : window, lost, retransmits));
    }
  }

  CompletableFuture<RrFigures> done() {
    return done;
  }
}
