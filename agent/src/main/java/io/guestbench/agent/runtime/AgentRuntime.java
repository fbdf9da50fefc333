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
import java.util.function.Supplier;

/**
 * A running agent: spool (when the outbox is durable), plan runner, stream client and, when
 * configured, the network peer, started and stopped together: the spool first (it is recovered
 * before anything reads it) and last, the peer before the plan (a plan may test against this
 * agent's own peer).
 */
public final class AgentRuntime {
  private final PlanRunner plan;
  private final StreamClient stream;
  private final Outbox outbox;
  private final ManagedChannel channel;
  private final List<ScheduledExecutorService> threads;
  private final ServiceManager services;
  private final Optional<PeerServer> peer;
  private final Supplier<String> peerAddress;

  AgentRuntime(
      PlanRunner plan,
      StreamClient stream,
      Outbox outbox,
      ManagedChannel channel,
      List<ScheduledExecutorService> threads,
      Optional<PeerServer> peer,
      Supplier<String> peerAddress) {
    this.plan = plan;
    this.stream = stream;
    this.outbox = outbox;
    this.channel = channel;
    this.threads = threads;
    this.peer = peer;
    this.peerAddress = peerAddress;
    List<Service> all = new ArrayList<>();
    if (outbox instanceof Service durable) {
      all.add(durable);
    }
    peer.ifPresent(all::add);
    all.add(stream);
    all.add(plan);
    this.services = new ServiceManager(all);
  }

  /** Where the collector is told other agents reach this agent's peer; empty when nowhere. */
  public String peerAddress() {
    return peerAddress.get();
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
    threads.forEach(ScheduledExecutorService::shutdown);
    try {
      for (ScheduledExecutorService t : threads) {
        t.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
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
