package io.guestbench.agent.cli;

import com.google.inject.Injector;
import io.guestbench.agent.AgentMain;
import io.guestbench.agent.config.AgentConfig;
import io.guestbench.agent.config.AgentConfigLoader;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.HostPort;
import io.guestbench.agent.config.Identifiers;
import io.guestbench.agent.runtime.AgentRuntime;
import io.guestbench.agent.runtime.AgentRuntimeFactory;
import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.agent.ship.StreamState;
import io.guestbench.agent.ship.spool.Spool;
import io.guestbench.agent.ship.spool.SpoolSettings;
import io.guestbench.common.config.ConfigException;
import io.guestbench.common.lifecycle.ServiceManager;
import io.guestbench.common.lifecycle.TerminationSignals;
import io.guestbench.common.text.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: the agent daemon. Runs the plan and streams results; a plan with a finite number of
 * rounds ends once the collector has acknowledged everything, a repeating one on SIGTERM.
 */
@Command(name = "run", description = "Run the plan and stream results to the collector.")
public final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      required = true,
      description = "Agent YAML config.")
  Path file;

  @Option(
      names = "--collector",
      paramLabel = "HOST:PORT",
      description = "Overrides collector.address.")
  String collector;

  @Option(names = "--agent-id", paramLabel = "ID", description = "Overrides agent.id.")
  String agentId;

  @Option(names = "--rounds", paramLabel = "N", description = "Overrides plan.rounds (0: repeat).")
  Integer rounds;

  @Option(
      names = "--ack-timeout",
      paramLabel = "DURATION",
      description =
          "With a finite plan: how long to wait for the last acknowledgement (default 60s).")
  String ackTimeout = "60s";

  @Mixin ImdsOptions imds = new ImdsOptions();

  @Option(
      names = "--spool-dir",
      paramLabel = "DIR",
      description = "Overrides spool.dir (and turns the spool on).")
  Path spoolDir;

  @Option(names = "--json", description = "Print each result as one JSON line (proto3 JSON).")
  boolean json;

  @Option(names = "--host-root", paramLabel = "DIR", description = "Read DIR/proc and DIR/sys.")
  Path hostRoot = Path.of("/");

  @Override
  public Integer call() throws Exception {
    Injector injector = AgentMain.assemble(hostRoot);
    AgentConfig config;
    Duration ackWait;
    try {
      config = effective(injector.getInstance(AgentConfigLoader.class).load(file));
      ackWait = Durations.parse(ackTimeout);
    } catch (ConfigException e) {
      e.problems().forEach(System.err::println);
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println("guestbench agent run: " + e.getMessage());
      return 2;
    }
    TerminationSignals signals = TerminationSignals.install();
    AgentRuntime agent =
        injector
            .getInstance(AgentRuntimeFactory.class)
            .create(
                config, json ? ResultLine::printJson : ResultLine::print, Progress.toTerminal());
    try {
      agent.start();
    } catch (ServiceManager.ServiceStartException e) {
      System.err.println("guestbench agent run: " + e.getMessage());
      return 1;
    }
    ClientSecurity security = config.collector().security();
    System.err.printf(
        "guestbench agent %s: streaming to %s (%s)%n",
        config.agentId(), config.collector().address(), security.describe());
    if (security.plaintext()) {
      System.err.println(
          "guestbench agent: warning: streaming without TLS (collector.plaintext: true);"
              + " results and labels travel unencrypted");
    }
    if (agent.outbox() instanceof Spool spool) {
      System.err.printf(
          "guestbench agent %s: spool %s, epoch %d, %d results recovered%n",
          config.agentId(), spool.directory(), spool.epoch(), spool.stats().recoveredResults());
    }
    agent
        .peer()
        .ifPresent(
            p ->
                System.err.printf(
                    "guestbench agent %s: serving network tests on %s:%d (%s)%n",
                    config.agentId(),
                    config.peer().orElseThrow().bind(),
                    p.address().getPort(),
                    p.transport().label()));
    advertised(agent, config);
    int exit =
        config.plan().repeatsForever() ? untilSignal(signals) : untilDone(agent, signals, ackWait);
    agent.stop(Duration.ofSeconds(5));
    return exit;
  }

  /** Says whether the collector can pair this agent, so a missing net.advertise is no mystery. */
  private static void advertised(AgentRuntime agent, AgentConfig config) {
    if (agent.peer().isEmpty()) {
      return;
    }
    String address = agent.peerAddress();
    System.err.println(
        address.isEmpty()
            ? "guestbench agent "
                + config.agentId()
                + ": net.bind is a wildcard and net.advertise is not set, so the collector"
                + " cannot pair this agent for network tests"
            : "guestbench agent " + config.agentId() + ": peer advertised as " + address);
  }

  private AgentConfig effective(AgentConfig loaded) {
    AgentConfig c = loaded;
    if (collector != null) {
      HostPort hp = HostPort.parse(collector);
      c = c.with(c.agentId(), c.collector().at(hp.host(), hp.port()), c.plan());
    }
    if (agentId != null) {
      if (!Identifiers.isAgentId(agentId)) {
        throw new IllegalArgumentException(
            "--agent-id " + agentId + " (expected: 1-64 characters of A-Z a-z 0-9 . _ -)");
      }
      c = c.with(agentId, c.collector(), c.plan());
    }
    c = c.withImds(imds.apply(c.imds()));
    if (spoolDir != null) {
      Path dir = spoolDir.toAbsolutePath();
      long memory = c.bufferMaxBytes();
      c =
          c.withSpool(
              Optional.of(
                  c.spool()
                      .map(s -> s.withDir(dir))
                      .orElseGet(() -> SpoolSettings.defaults(dir, memory))));
    }
    if (rounds != null) {
      if (rounds < 0) {
        throw new IllegalArgumentException("--rounds " + rounds + " (expected: 0 or more)");
      }
      c = c.with(c.agentId(), c.collector(), c.plan().withRounds(rounds));
    }
    return c;
  }

  private static int untilSignal(TerminationSignals signals) throws InterruptedException {
    signals.await();
    return 0;
  }

  private static int untilDone(AgentRuntime agent, TerminationSignals signals, Duration ackWait)
      throws InterruptedException {
    while (!agent.plan().planDone().isDone()) {
      if (signals.await(100)) {
        return 0;
      }
    }
    if (agent.stream().awaitAllAcknowledged(ackWait)) {
      OutboxStats stats = agent.outbox().stats();
      System.err.printf(
          "guestbench agent: done; collector stored %d results (%d dropped, %d rejected)%n",
          stats.acknowledgedResults(), stats.droppedResults(), stats.rejectedResults());
      return 0;
    }
    StreamState state = agent.stream().state();
    System.err.printf(
        "guestbench agent: collector did not acknowledge %d results within %s (last error: %s)%n",
        agent.outbox().stats().heldResults(),
        Durations.format(ackWait),
        state.lastError().isEmpty() ? "none" : state.lastError());
    return 1;
  }
}
