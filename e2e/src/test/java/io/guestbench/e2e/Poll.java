package io.guestbench.e2e;

import java.util.concurrent.Callable;

/** Waits for a condition on real processes, with a bound and a message. */
final class Poll {
  private Poll() {}

  static void until(String what, int seconds, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
