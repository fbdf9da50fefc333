package io.guestbench.agent.ship.spool;

import io.guestbench.common.time.Clock;

/** Times fsyncs: how many, how long in total, the slowest. */
final class FsyncTimer {
  private final Clock clock;
  private long count;
  private long totalNanos;
  private long maxNanos;

  FsyncTimer(Clock clock) {
    this.clock = clock;
  }

  void force(SpoolFile file) throws java.io.IOException {
    long start = clock.monotonicNanos();
    try {
      file.force();
    } finally {
      long took = clock.monotonicNanos() - start;
      count++;
      totalNanos += took;
      maxNanos = Math.max(maxNanos, took);
    }
  }

  long count() {
    return count;
  }

  long totalNanos() {
    return totalNanos;
  }

  long maxNanos() {
    return maxNanos;
  }
}
