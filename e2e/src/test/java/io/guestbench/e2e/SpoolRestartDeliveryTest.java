package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.inprocess.InProcessChannelBuilder;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.agent.ship.spool.Spool;
import io.guestbench.agent.ship.spool.SpoolSettings;
import io.guestbench.agent.ship.spool.Storage;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.GrpcCleanupExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent restarted with its spool intact resends what the collector has not acknowledged under
 * the same (agent_id, epoch, seq) keys, and the collector's real ingest stores every batch once.
 */
class SpoolRestartDeliveryTest {
  private static final String AGENT = "spool-agent";
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  private final String name = InProcessServerNames.unique();
  @RegisterExtension final InProcessStreamClients clients = new InProcessStreamClients(grpc, name);
  @TempDir Path dir;

  private final ScheduledExecutorService spoolThread = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopThreads() {
    spoolThread.shutdownNow();
  }

  private Spool spool() throws Exception {
    Spool spool =
        new Spool(
            SpoolSettings.defaults(dir, 1 << 20),
            AGENT,
            Storage.disk(),
            Clock.system(),
            spoolThread);
    spool.start();
    return spool;
  }

  private StreamClient client(Spool spool) {
    return clients.client(spool, InProcessStreamClients.hello(AGENT, "xen-pv"), command -> {});
  }

  @Test
  void unacknowledgedBatchesSurviveARestartAndAreStoredOnce() throws Exception {
    InProcessCollector collector = new InProcessCollector(name, grpc).start();
    Spool first = spool();
    long epoch = first.epoch();
    for (int i = 1; i <= 4; i++) {
      first.append(List.of(SampleResults.cpu("run-" + i, "int", 1e9 + i, 1000)));
    }
    // The first life delivered batches 1 and 2, then died before it heard the acks.
    RawAgentStream lostAcks =
        new RawAgentStream(grpc.register(InProcessChannelBuilder.forName(name).build()));
    lostAcks.send(RawAgentStream.hello(AGENT, epoch));
    assertThat(lostAcks.next().hasWelcome()).isTrue();
    for (long seq = 1; seq <= 2; seq++) {
      Batch b = first.next(seq - 1).orElseThrow();
      lostAcks.send(b.getSeq(), b.getResultsList().toArray(ProbeResult[]::new));
      CollectorMessage ack = lostAcks.next();
      assertThat(ack.getAck().getSeq()).isEqualTo(seq);
    }
    lostAcks.finish();
    first.stop(Duration.ofSeconds(1));

    Spool second = spool();
    assertThat(second.epoch()).isEqualTo(epoch);
    assertThat(second.firstUnacked()).isEqualTo(1);
    assertThat(second.stats().recoveredResults()).isEqualTo(4);
    StreamClient client = client(second);
    client.start();
    second.append(List.of(SampleResults.cpu("run-5", "fp", 2e9, 1000)));
    assertThat(client.awaitAllAcknowledged(Duration.ofSeconds(10))).isTrue();

    assertThat(collector.sample("guestbench_probe_runs_total{")).isEqualTo(5);
    assertThat(collector.sample("guestbench_collector_batches_total{result=\"stored\""))
        .isEqualTo(5);
    assertThat(collector.sample("guestbench_collector_batches_total{result=\"duplicate\""))
        .as("the Welcome said what the first life delivered: nothing is sent twice")
        .isZero();
    assertThat(collector.sample("guestbench_collector_results_stored_total")).isEqualTo(5);
    assertThat(
            collector.store.highestStored(
                new io.guestbench.collector.ingest.AgentKey(AGENT, epoch)))
        .isEqualTo(5);
    var stats = second.stats();
    assertThat(stats.acknowledgedResults()).isEqualTo(5);
    assertThat(stats.producedResults() + stats.recoveredResults())
        .isEqualTo(stats.acknowledgedResults() + stats.droppedResults() + stats.heldResults());
    client.stop(Duration.ofSeconds(1));
    second.stop(Duration.ofSeconds(1));
  }
}
