package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.common.time.Clock;
import io.guestbench.testing.GrpcCleanupExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The agent's stream client against the collector's real ingest, over in-process gRPC. */
class StreamDeliveryTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  private final String name = InProcessServerNames.unique();
  @RegisterExtension final InProcessStreamClients clients = new InProcessStreamClients(grpc, name);

  private final MemoryOutbox outbox = new MemoryOutbox(1 << 20, Clock.system());

  private StreamClient client(String agentId) {
    return clients.client(
        outbox,
        InProcessStreamClients.hello(agentId, "xen-hvm").putLabels("experiment", "delivery"),
        command -> {});
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
