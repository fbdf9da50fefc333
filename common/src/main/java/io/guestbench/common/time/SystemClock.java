package io.guestbench.common.time;

import java.time.Instant;

enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long wallNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public long monotonicNanos() {
    return System.nanoTime();
  }
}
