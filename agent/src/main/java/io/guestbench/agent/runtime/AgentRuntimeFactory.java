package io.guestbench.agent.runtime;

import com.google.inject.Inject;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.guestbench.agent.config.AgentConfig;
import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.host.detect.HostFactsCollector;
import io.guestbench.agent.host.imds.ImdsClient;
import io.guestbench.agent.host.imds.ImdsFactSource;
import io.guestbench.agent.plan.PlanRunner;
import io.guestbench.agent.plan.ProbeRunner;
import io.guestbench.agent.plan.ResultListener;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.net.peer.PeerServer;
import io.guestbench.agent.probe.net.wire.Transport;
import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.HostFacts;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Builds an {@link AgentRuntime} for a validated config; the injector supplies the rest. */
public final class AgentRuntimeFactory {
  private final ProbeCatalog catalog;
  private final HostFactsCollector facts;
  private final Clock clock;

  @Inject
  AgentRuntimeFactory(ProbeCatalog catalog, HostFactsCollector facts, Clock clock) {
    this.catalog = catalog;
    this.facts = facts;
    this.clock = clock;
  }

  public AgentRuntime create(
      AgentConfig config, ResultListener listener, ProbeRun.Progress progress) {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(config.collector().host(), config.collector().port())
            .usePlaintext()
            .build();
    ScheduledExecutorService streamThread = singleThread("guestbench-stream");
    Outbox outbox = new MemoryOutbox(config.bufferMaxBytes(), clock);
    PlanRunner plan =
        new PlanRunner(
            config.plan(),
            new ProbeRunner(catalog, clock),
            outbox,
            listener,
            singleThread("guestbench-probe"),
            progress);
    StreamClient stream =
        new StreamClient(
            channel,
            config.collector(),
            outbox,
            new AgentHello(config, hostFacts(config), version()),
            plan::submit,
            streamThread,
            clock,
            new SplittableRandom());
    Optional<PeerServer> peer = config.peer().map(p -> new PeerServer(p, Transport.best()));
    return new AgentRuntime(plan, stream, outbox, channel, streamThread, peer);
  }

  /**
   * Detection plus instance metadata, gathered in the background so probes start at once; the first
   * Hello waits for it, bounded by the metadata lookup's own deadline.
   */
  private CompletableFuture<HostFacts> hostFacts(AgentConfig config) {
    List<FactSource> sources =
        config.imds().enabled()
            ? List.of(new ImdsFactSource(new ImdsClient(config.imds(), clock), config.imds()))
            : List.of();
    return CompletableFuture.supplyAsync(() -> facts.collect(sources));
  }

  /** The agent's release, from the jar manifest. */
  public static String version() {
    String v = AgentRuntimeFactory.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static ScheduledExecutorService singleThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name(name).daemon().factory());
  }
}
