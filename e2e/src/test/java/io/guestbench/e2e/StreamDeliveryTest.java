package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.CollectorTarget;
import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The agent's stream client against the collector's real ingest, over in-process gRPC. */
class StreamDeliveryTest {
  @RegisterExtension
  final io.guestbench.testing.GrpcCleanupExtension grpc =
      new io.guestbench.testing.GrpcCleanupExtension();

  private final String name = InProcessServerNames.unique();
  private final ScheduledExecutorService streamThread =
      Executors.newSingleThreadScheduledExecutor();
  private final List<Command> commands = new ArrayList<>();
  private final MemoryOutbox outbox = new MemoryOutbox(1 << 20, Clock.system());

  @AfterEach
  void stopThreads() {
    streamThread.shutdownNow();
  }

  private StreamClient client(String agentId) {
    ManagedChannel channel = grpc.register(InProcessChannelBuilder.forName(name).build());
    CollectorTarget target =
        new CollectorTarget(
            "in-process",
            1,
            ClientSecurity.plaintextChosen(),
            Duration.ofMillis(5),
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            4);
    return new StreamClient(
        channel,
        target,
        outbox,
        (epoch, first) ->
            Hello.newBuilder()
                .setAgentId(agentId)
                .setEpoch(epoch)
                .setAgentVersion("test")
                .setProtocolVersion(1)
                .setFacts(HostFacts.newBuilder().setVirtType("xen-hvm"))
                .putLabels("experiment", "delivery")
                .setFirstUnackedSeq(first)
                .build(),
        commands::add,
        streamThread,
        Clock.system(),
        new SplittableRandom(1));
  }

  @Test
  void everyResultIsStoredOnceAndAcknowledged() throws Exception {
    InProcessCollector collector = new InProcessCollector(name, grpc).start();
    StreamClient client = client("agent-a");
    client.start();
    for (int i = 1; i <= 10; i++) {
      outbox.append(List.of(SampleResults.cpu("run-" + i, "int", 1e9 + i, 1000, 2000)));
    }

    assertThat(client.awaitAllAcknowledged(Duration.ofSeconds(10))).isTrue();
    assertThat(outbox.stats().acknowledgedResults()).isEqualTo(10);
    assertThat(collector.sample("guestbench_probe_runs_total{")).isEqualTo(10);
    assertThat(collector.scrape())
        .contains("agent_id=\"agent-a\"")
        .contains("virt_type=\"xen-hvm\"")
        .contains("experiment=\"delivery\"");
  }

  @Test
  void reconnectsAfterCollectorRestartAndResendsOnlyWhatWasNotStored() throws Exception {
    StreamClient client = client("agent-b");
    client.start();
    outbox.append(List.of(SampleResults.cpu("early", "int", 1e9, 1000)));
    InProcessCollector collector = new InProcessCollector(name, grpc);
    Thread.sleep(30); // the client is retrying against a collector that is not there yet
    collector.start();
    assertThat(client.awaitAllAcknowledged(Duration.ofSeconds(10))).isTrue();

    collector.kill();
    outbox.append(List.of(SampleResults.cpu("during-outage", "fp", 2e9, 1000)));
    collector.start();
    outbox.append(List.of(SampleResults.cpu("after", "fp", 2e9, 1000)));

    assertThat(client.awaitAllAcknowledged(Duration.ofSeconds(10))).isTrue();
    assertThat(collector.sample("guestbench_probe_runs_total{")).isEqualTo(3);
    assertThat(client.state().reconnects()).isGreaterThanOrEqualTo(1);
  }
}
