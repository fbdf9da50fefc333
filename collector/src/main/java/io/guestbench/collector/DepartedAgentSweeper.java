package io.guestbench.collector;

import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.common.lifecycle.Service;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Removes the series of agents that have been gone longer than the TTL. */
final class DepartedAgentSweeper implements Service {
  private final ResultMetrics metrics;
  private final Duration ttl;
  private ScheduledExecutorService executor;

  DepartedAgentSweeper(ResultMetrics metrics, Duration ttl) {
    this.metrics = metrics;
    this.ttl = ttl;
  }

  @Override
  public String name() {
    return "departed-agent sweeper";
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
    long every = Math.max(1_000, ttl.toMillis() / 10);
    executor.scheduleWithFixedDelay(
        () -> metrics.removeDepartedAgents(ttl), every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop(Duration grace) {
    executor.shutdownNow();
  }
}
