package io.guestbench.agent.probe.net.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a test's event loops report that something broke (a connection dropped, a peer that cannot
 * keep up), and where the probe thread waits out the warm-up and measured time: the wait ends at
 * once when a failure is reported, so a dead peer is noticed without waiting the test out.
 */
final class Watch {
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final CountDownLatch failed = new CountDownLatch(1);

  /** Reports a failure; the first one reported is the one the test ends with. */
  void fail(String why) {
    if (failure.compareAndSet(null, why)) {
      failed.countDown();
    }
  }

  /** Whether a failure was reported. */
  boolean failed() {
    return failure.get() != null;
  }

  /** Throws the reported failure, if any. */
  void check() throws PeerFailure {
    String why = failure.get();
    if (why != null) {
      throw new PeerFailure(why);
    }
  }

  /** Waits {@code nanos} unless a failure is reported first, which it then throws. */
  void sleep(long nanos) throws PeerFailure, InterruptedException {
    failed.await(nanos, TimeUnit.NANOSECONDS);
    check();
  }
}
