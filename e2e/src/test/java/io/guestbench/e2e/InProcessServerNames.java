package io.guestbench.e2e;

import java.util.concurrent.atomic.AtomicInteger;

/** Distinct in-process server names, so tests never meet each other's servers. */
final class InProcessServerNames {
  private static final AtomicInteger next = new AtomicInteger();

  private InProcessServerNames() {}

  static String unique() {
    return "guestbench-test-" + ProcessHandle.current().pid() + "-" + next.incrementAndGet();
  }
}
