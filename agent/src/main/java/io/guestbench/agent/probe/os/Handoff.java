package io.guestbench.agent.probe.os;

import io.guestbench.agent.probe.method.Operation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A token passed back and forth between the measuring thread and a partner with {@link LockSupport}
 * park and unpark (a futex underneath, no spinning). One unit is a round trip: two handoffs, each a
 * context switch when both threads share one CPU. Must be run and closed by the thread that made
 * it.
 */
final class Handoff implements Operation, AutoCloseable {
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final Thread owner = Thread.currentThread();
  private final Thread partner;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private volatile boolean partnersTurn;
  private volatile boolean stopped;

  /**
   * Starts the partner, which first runs {@code setUp} (for example pinning itself to a CPU) and
   * reports its problem, or null.
   */
  Handoff(Supplier<String> setUp) {
    partner =
        Thread.ofPlatform()
            .name("guestbench-handoff")
            .daemon()
            .start(
                () -> {
                  String problem = setUp.get();
                  ready.complete(problem);
                  if (problem == null) {
                    serve();
                  }
                });
  }

  /** The partner's set-up problem, or null once it is waiting for the token. */
  String awaitReady() throws InterruptedException {
    try {
      return ready.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return "the partner thread did not start: " + e;
    }
  }

  private void serve() {
    while (!stopped) {
      if (partnersTurn) {
        partnersTurn = false;
        LockSupport.unpark(owner);
      } else {
        LockSupport.park(this);
      }
    }
  }

  @Override
  public long run(long units) {
    for (long i = 0; i < units; i++) {
      partnersTurn = true;
      LockSupport.unpark(partner);
      while (partnersTurn) {
        LockSupport.park(this);
      }
    }
    return units;
  }

  @Override
  public long opsPerUnit() {
    return 2;
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    LockSupport.unpark(partner);
    partner.join(STOP_WAIT);
  }
}
