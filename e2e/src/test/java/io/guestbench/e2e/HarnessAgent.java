package io.guestbench.e2e;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.CollectorTarget;
import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.agent.ship.StreamClient;
import io.guestbench.agent.ship.spool.Spool;
import io.guestbench.agent.ship.spool.SpoolSettings;
import io.guestbench.agent.ship.spool.Storage;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import io.guestbench.proto.v1.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An agent's shipping half, in the test's JVM: the real durable spool and the real stream client
 * over real gRPC to a port on loopback. The test is its probe: it appends results whose run ids it
 * chose, so it knows every id that was produced.
 */
final class HarnessAgent implements AutoCloseable {
  final String id;
  private final List<String> produced = new ArrayList<>();
  private final ScheduledExecutorService spoolThread = Executors.newSingleThreadScheduledExecutor();
  private final ScheduledExecutorService streamThread =
      Executors.newSingleThreadScheduledExecutor();
  private final ManagedChannel channel;
  private final Spool spool;
  private final StreamClient client;

  HarnessAgent(String id, Path spoolDir, Duration maxAge, int port, long seed) throws Exception {
    this.id = id;
    SpoolSettings settings =
        new SpoolSettings(spoolDir, 64L << 20, maxAge, Duration.ofMillis(200), 1L << 20, 4L << 20);
    spool = new Spool(settings, id, Storage.disk(), Clock.system(), spoolThread);
    spool.start();
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    CollectorTarget target =
        new CollectorTarget(
            "127.0.0.1",
            port,
            ClientSecurity.plaintextChosen(),
            Duration.ofMillis(50),
            Duration.ofMillis(400),
            Duration.ofMillis(200),
            4,
            Duration.ofSeconds(3));
    client =
        new StreamClient(
            channel,
            target,
            spool,
            (epoch, first) ->
                Hello.newBuilder()
                    .setAgentId(id)
                    .setEpoch(epoch)
                    .setAgentVersion("harness")
                    .setProtocolVersion(1)
                    .setFacts(HostFacts.newBuilder().setVirtType("xen-hvm"))
                    .setFirstUnackedSeq(first)
                    .build(),
            command -> {},
            streamThread,
            Clock.system(),
            new SplittableRandom(seed));
    client.start();
  }

  /** Appends one batch of {@code count} results with fresh, known run ids. */
  synchronized void produce(int count) {
    List<ProbeResult> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String runId = id + "-r" + produced.size();
      produced.add(runId);
      batch.add(SampleResults.cpu(runId, "int", 1e9 + produced.size(), 1000, 2000));
    }
    spool.append(batch);
  }

  synchronized List<String> produced() {
    return List.copyOf(produced);
  }

  OutboxStats stats() {
    return spool.stats();
  }

  boolean awaitAllAcknowledged(Duration timeout) throws InterruptedException {
    return client.awaitAllAcknowledged(timeout);
  }

  @Override
  public void close() {
    client.stop(Duration.ofSeconds(1));
    spool.stop(Duration.ofSeconds(1));
    channel.shutdownNow();
    streamThread.shutdownNow();
    spoolThread.shutdownNow();
  }
}
