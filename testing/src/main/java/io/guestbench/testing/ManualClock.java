package io.guestbench.testing;

import io.guestbench.common.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand. */
public final class ManualClock implements Clock {
  private final AtomicLong wall;
  private final AtomicLong monotonic = new AtomicLong();

  public ManualClock(long wallNanos) {
    this.wall = new AtomicLong(wallNanos);
  }

  @Override
  public long wallNanos() {
    return wall.get();
  }

  @Override
  public long monotonicNanos() {
    return monotonic.get();
  }

  /** Moves both clocks forward. */
  public void advance(Duration step) {
    wall.addAndGet(step.toNanos());
    monotonic.addAndGet(step.toNanos());
  }
}
