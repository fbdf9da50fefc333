package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.collector.schedule.NetTest;
import io.guestbench.collector.schedule.PairScheduler;
import io.guestbench.collector.schedule.ScheduleConfig;
import io.guestbench.collector.schedule.ScheduleCounters;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Command;
import io.guestbench.testing.Eventually;
import io.guestbench.testing.GrpcCleanupExtension;
import io.guestbench.testing.ManualClock;
import io.guestbench.testing.ManualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The collector's pair scheduler sending commands down real agent streams (the agents' stream
 * clients against the collector's ingest, over in-process gRPC); the scheduler's time is driven by
 * hand.
 */
class ScheduledCommandsTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  private final String name = InProcessServerNames.unique();
  @RegisterExtension final InProcessStreamClients clients = new InProcessStreamClients(grpc, name);

  private final Map<String, List<Command>> received = new ConcurrentHashMap<>();
  private final ManualClock clock = new ManualClock(1_750_000_000_000_000_000L);
  private final ManualScheduler schedulerThread = new ManualScheduler(clock);

  @Test
  void pairedAgentsReceiveTheirCommandsOverTheirStreams() throws Exception {
    InProcessCollector collector = new InProcessCollector(name, grpc).start();
    agent("a", "x", "10.0.0.1:7071");
    agent("b", "x", "10.0.0.2:7071");
    agent("c", "x", "[fd00::3]:7071");
    agent("no-peer", "x", "");
    agent("alone", "y", "10.0.0.9:7071");
    Eventually.await(
        "five agents connected", Duration.ofSeconds(10), () -> collector.sessions.size() == 5);

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    NetTest rr = new NetTest("rr", Map.of("duration", "2s"), Duration.ofSeconds(4));
    PairScheduler scheduler =
        new PairScheduler(
            new ScheduleConfig(
                true,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofHours(1),
                List.of(rr)),
            "c1",
            collector.sessions::connected,
            clock,
            schedulerThread,
            new ScheduleCounters(meters));
    scheduler.start();
    schedulerThread.advance(Duration.ofSeconds(35)); // six slots, one pair each

    Eventually.await(
        "six tests and six holds delivered",
        Duration.ofSeconds(10),
        () -> received.values().stream().mapToInt(List::size).sum() == 12);
    scheduler.stop(Duration.ZERO);
    assertThat(received).containsOnlyKeys("a", "b", "c");
    Map<String, List<Command>> holds = new java.util.HashMap<>();
    received.forEach(
        (agent, commands) -> {
          holds.put(agent, commands.stream().filter(Command::hasHold).toList());
          commands.removeIf(Command::hasHold);
        });
    assertThat(holds.values()).allSatisfy(h -> assertThat(h).hasSize(2));
    Set<String> pairs = new HashSet<>();
    received.forEach(
        (client, commands) ->
            commands.forEach(
                c -> pairs.add(client + ">" + c.getRunProbe().getParamsOrThrow("peer"))));
    assertThat(pairs)
        .containsExactlyInAnyOrder(
            "a>10.0.0.2:7071",
            "a>[fd00::3]:7071",
            "b>10.0.0.1:7071",
            "b>[fd00::3]:7071",
            "c>10.0.0.1:7071",
            "c>10.0.0.2:7071");
    assertThat(received.get("a"))
        .allSatisfy(
            c -> {
              assertThat(c.getCommandId()).startsWith("c1.");
              assertThat(c.getDeadlineUnixNano() - c.getNotBeforeUnixNano())
                  .isEqualTo(Duration.ofSeconds(5).toNanos());
              assertThat(c.getRunProbe().getParamsMap()).containsEntry("duration", "2s");
            });
    assertThat(meters.get("guestbench.collector.schedule.commands").counter().count()).isEqualTo(6);
    assertThat(meters.get("guestbench.collector.schedule.holds").counter().count()).isEqualTo(6);
  }

  private void agent(String id, String experiment, String peer) {
    clients
        .client(
            new MemoryOutbox(1 << 20, Clock.system()),
            InProcessStreamClients.hello(id, "xen-hvm")
                .putLabels("experiment", experiment)
                .setPeerAddress(peer),
            c -> received.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(c))
        .start();
  }
}
