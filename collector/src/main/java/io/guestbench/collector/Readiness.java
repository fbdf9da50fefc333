package io.guestbench.collector;

import com.google.inject.Singleton;

/** Whether the collector accepts agents: true once started, false from the start of shutdown. */
@Singleton
final class Readiness {
  private volatile boolean ready;

  boolean isReady() {
    return ready;
  }

  void set(boolean value) {
    ready = value;
  }
}
