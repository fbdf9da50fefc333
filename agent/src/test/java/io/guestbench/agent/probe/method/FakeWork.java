package io.guestbench.agent.probe.method;

import io.guestbench.common.time.Clock;
import java.util.function.LongSupplier;

/** A clock whose reads cost time, and operations that move it by a scripted cost per unit. */
final class FakeWork implements Clock {
  private final long readCostNanos;
  private long now = 1_000_000_000L;

  FakeWork(long readCostNanos) {
    this.readCostNanos = readCostNanos;
  }

  @Override
  public long wallNanos() {
    return 1_750_000_000_000_000_000L + now;
  }

  @Override
  public long monotonicNanos() {
    now += readCostNanos;
    return now;
  }

  /** An operation whose units each take the next value of {@code unitNanos}, per batch. */
  Operation operation(LongSupplier unitNanos) {
    return units -> {
      now += units * unitNanos.getAsLong();
      return units;
    };
  }

  /** An operation whose units always take {@code unitNanos}. */
  Operation operation(long unitNanos) {
    return operation(() -> unitNanos);
  }
}
