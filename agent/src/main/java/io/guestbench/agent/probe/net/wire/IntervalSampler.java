package io.guestbench.agent.probe.net.wire;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Takes a running byte count every interval, so a test reports per-interval figures and not only
 * its total. Each figure is bytes over the time that really passed since the last tick (a late tick
 * does not inflate it); a last partial interval counts when it is at least half long. The ticks run
 * on an event loop; at most {@link Control#MAX_INTERVALS} are kept.
 */
public final class IntervalSampler {
  private final LongSupplier counter;
  private final List<Long> rates = new ArrayList<>();
  private ScheduledFuture<?> ticks;
  private long intervalNanos;
  private long lastBytes;
  private long lastNanos;

  public IntervalSampler(LongSupplier counter) {
    this.counter = counter;
  }

  /** Starts counting from now. */
  public synchronized void start(EventExecutor executor, long intervalNanos) {
    this.intervalNanos = intervalNanos;
    lastBytes = counter.getAsLong();
    lastNanos = System.nanoTime();
    ticks =
        executor.scheduleAtFixedRate(
            this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
  }

  /** Stops and returns bytes per second of each interval. */
  public synchronized List<Long> stop() {
    if (ticks != null) {
      ticks.cancel(false);
      ticks = null;
      if (System.nanoTime() - lastNanos >= intervalNanos / 2) {
        tick();
      }
    }
    return List.copyOf(rates);
  }

  private synchronized void tick() {
    long bytes = counter.getAsLong();
    long now = System.nanoTime();
    if (rates.size() < Control.MAX_INTERVALS && now > lastNanos) {
      rates.add(Math.round((bytes - lastBytes) * 1e9 / (now - lastNanos)));
    }
    lastBytes = bytes;
    lastNanos = now;
  }
}
