package io.guestbench.agent.runtime;

import io.grpc.ManagedChannel;
import io.guestbench.agent.plan.PlanRunner;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.common.lifecycle.ServiceManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running agent: plan runner and stream client, started and stopped together. */
public final class AgentRuntime {
  private final PlanRunner plan;
  private final StreamClient stream;
  private final Outbox outbox;
  private final ManagedChannel channel;
  private final ScheduledExecutorService streamThread;
  private final ServiceManager services;

  AgentRuntime(
      PlanRunner plan,
      StreamClient stream,
      Outbox outbox,
      ManagedChannel channel,
      ScheduledExecutorService streamThread) {
    this.plan = plan;
    this.stream = stream;
    this.outbox = outbox;
    this.channel = channel;
    this.streamThread = streamThread;
    this.services = new ServiceManager(List.of(stream, plan));
  }

  public void start() throws Exception {
    services.startAll(Duration.ofSeconds(5));
  }

  public PlanRunner plan() {
    return plan;
  }

  public StreamClient stream() {
    return stream;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** Stops probes, says Goodbye, closes the channel; bounded by {@code grace}. */
  public void stop(Duration grace) {
    services.stopAll(grace);
    streamThread.shutdown();
    try {
      streamThread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
      channel.shutdown();
      if (!channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
