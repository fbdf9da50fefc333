package io.guestbench.common.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a latch the main thread waits on, so a daemon shuts down in order
 * on its own thread and exits 0, instead of racing JVM shutdown hooks (exit 143).
 */
public final class TerminationSignals {
  private final CountDownLatch received = new CountDownLatch(1);

  /** Installs the handlers; call once, early. */
  public static TerminationSignals install() {
    TerminationSignals signals = new TerminationSignals();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), s -> signals.received.countDown());
    }
    return signals;
  }

  /** Blocks until a termination signal arrives. */
  public void await() throws InterruptedException {
    received.await();
  }

  /** Blocks until a signal arrives or {@code millis} pass; true when a signal arrived. */
  public boolean await(long millis) throws InterruptedException {
    return received.await(millis, TimeUnit.MILLISECONDS);
  }

  /** True once a signal arrived. */
  public boolean received() {
    return received.getCount() == 0;
  }
}
