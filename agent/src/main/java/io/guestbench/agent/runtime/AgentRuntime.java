package io.guestbench.agent.runtime;

import io.grpc.ManagedChannel;
import io.guestbench.agent.plan.PlanRunner;
import io.guestbench.agent.probe.net.peer.PeerServer;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.lifecycle.ServiceManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running agent: plan runner, stream client and, when configured, the network peer, started and
 * stopped together (the peer first, so a plan may test against this agent's own peer).
 */
public final class AgentRuntime {
  private final PlanRunner plan;
  private final StreamClient stream;
  private final Outbox outbox;
  private final ManagedChannel channel;
  private final ScheduledExecutorService streamThread;
  private final ServiceManager services;
  private final Optional<PeerServer> peer;

  AgentRuntime(
      PlanRunner plan,
      StreamClient stream,
      Outbox outbox,
      ManagedChannel channel,
      ScheduledExecutorService streamThread,
      Optional<PeerServer> peer) {
    this.plan = plan;
    this.stream = stream;
    this.outbox = outbox;
    this.channel = channel;
    this.streamThread = streamThread;
    this.peer = peer;
    List<Service> all = new ArrayList<>();
    peer.ifPresent(all::add);
    all.add(stream);
    all.add(plan);
    this.services = new ServiceManager(all);
  }

  /** The network peer, when this agent serves tests. */
  public Optional<PeerServer> peer() {
    return peer;
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
