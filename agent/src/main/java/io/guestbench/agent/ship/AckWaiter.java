package io.guestbench.agent.ship;

import io.guestbench.common.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Lets a caller wait for a condition that changes when acknowledgements arrive. */
final class AckWaiter {
  private final Clock clock;

  AckWaiter(Clock clock) {
    this.clock = clock;
  }

  synchronized boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = clock.monotonicNanos() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      long left = deadline - clock.monotonicNanos();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000L));
    }
    return true;
  }

  synchronized void wake() {
    notifyAll();
  }
}
