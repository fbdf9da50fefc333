package io.guestbench.agent.runtime;

import com.google.inject.Inject;
import io.grpc.ManagedChannel;
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
import io.guestbench.agent.ship.CollectorChannels;
import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.agent.ship.spool.Spool;
import io.guestbench.agent.ship.spool.Storage;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.HostFacts;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

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
    ManagedChannel channel = channel(config);
    ScheduledExecutorService streamThread = singleThread("guestbench-stream");
    ScheduledExecutorService spoolThread = singleThread("guestbench-spool");
    Outbox outbox = outbox(config, spoolThread);
    PlanRunner plan =
        new PlanRunner(
            config.plan(),
            new ProbeRunner(catalog, clock),
            outbox,
            listener,
            singleThread("guestbench-probe"),
            progress,
            clock);
    CompletableFuture<HostFacts> facts = hostFacts(config);
    plan.startAfter(
        facts
            .handle((found, error) -> null)
            .completeOnTimeout(null, AgentHello.factsWaitMillis(config), TimeUnit.MILLISECONDS));
    Optional<PeerServer> peer = config.peer().map(p -> new PeerServer(p, Transport.best()));
    Supplier<String> peerAddress = () -> advertised(config, peer);
    StreamClient stream =
        new StreamClient(
            channel,
            config.collector(),
            outbox,
            new AgentHello(config, facts, version(), peerAddress),
            plan::submit,
            streamThread,
            clock,
            new SplittableRandom());
    return new AgentRuntime(
        plan, stream, outbox, channel, List.of(streamThread, spoolThread), peer, peerAddress);
  }

  private static ManagedChannel channel(AgentConfig config) {
    try {
      return CollectorChannels.open(config.collector());
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS to the collector: " + e.getMessage(), e);
    }
  }

  /** The durable spool when configured (it opens when the runtime starts), else memory only. */
  private Outbox outbox(AgentConfig config, ScheduledExecutorService spoolThread) {
    return config
        .spool()
        .<Outbox>map(s -> new Spool(s, config.agentId(), Storage.disk(), clock, spoolThread))
        .orElseGet(() -> new MemoryOutbox(config.bufferMaxBytes(), clock));
  }

  /**
   * Detection, the timer check and instance metadata, gathered in the background while the stream
   * connects; the first Hello and the plan's first round wait for them, bounded by the metadata
   * lookup's own deadline plus the timer check's allowance.
   */
  private CompletableFuture<HostFacts> hostFacts(AgentConfig config) {
    List<FactSource> sources =
        config.imds().enabled()
            ? List.of(new ImdsFactSource(new ImdsClient(config.imds(), clock), config.imds()))
            : List.of();
    return CompletableFuture.supplyAsync(() -> facts.collect(sources));
  }

  /**
   * Where other agents reach this agent's peer: the advertised host and the port the peer bound (so
   * {@code net.port: 0} works), or empty when there is no peer or nothing to advertise. Asked at
   * every Hello, after the peer has started.
   */
  static String advertised(AgentConfig config, Optional<PeerServer> peer) {
    if (peer.isEmpty() || config.peerAdvertise().isEmpty()) {
      return "";
    }
    String host = config.peerAdvertise().get();
    String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return bracketed + ":" + peer.get().address().getPort();
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
