package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.guestbench.agent.config.ClientSecurity;
import io.guestbench.agent.config.CollectorTarget;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Ack;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.Eventually;
import io.guestbench.testing.GrpcCleanupExtension;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streams are replaced after their lifetime, without losing or reordering batches. */
class StreamRecycleTest {
  private static final Duration BOUND = Duration.ofSeconds(10);
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();

  private final ScriptedCollector collector = new ScriptedCollector();
  private final MemoryOutbox outbox = new MemoryOutbox(1 << 20, Clock.system());
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private StreamClient client;

  @BeforeEach
  void start() throws Exception {
    String name = "stream-recycle-" + System.identityHashCode(this);
    grpc.register(InProcessServerBuilder.forName(name).addService(collector).build().start());
    ManagedChannel channel = grpc.register(InProcessChannelBuilder.forName(name).build());
    CollectorTarget target =
        new CollectorTarget(
                "in-process",
                1,
                ClientSecurity.plaintextChosen(),
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                Duration.ofHours(1),
                4)
            .withMaxStreamLifetime(Duration.ofMillis(400));
    client =
        new StreamClient(
            channel,
            target,
            outbox,
            (epoch, first) ->
                Hello.newBuilder()
                    .setAgentId("a")
                    .setEpoch(epoch)
                    .setFirstUnackedSeq(first)
                    .build(),
            c -> {},
            thread,
            Clock.system(),
            new SplittableRandom(7));
    client.start();
  }

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  @Test
  void anIdleStreamIsReplacedWithAGoodbyeAndCountsAsRecycledNotLost() throws Exception {
    Eventually.await("a second stream", BOUND, () -> collector.hellos() >= 2);
    assertThat(goodbyes()).contains("recycle");
    assertThat(client.state().recycles()).isPositive();
    assertThat(client.state().reconnects()).isZero();
  }

  @Test
  void aRetiringStreamSendsNothingNewAndTheNextStreamResendsWhatWasNotAcked() throws Exception {
    outbox.append(List.of(ProbeResult.newBuilder().setRunId("r1").build()));
    Eventually.await("batch 1 sent", BOUND, () -> collector.batches() == 1);
    long helloBefore = collector.hellos();
    Eventually.await("the stream retires", BOUND, () -> goodbyes().contains("recycle"));
    outbox.append(List.of(ProbeResult.newBuilder().setRunId("r2").build()));
    Eventually.await("a new stream", BOUND, () -> collector.hellos() > helloBefore);
    Eventually.await("both batches on the new stream", BOUND, () -> collector.batches() >= 3);
    List<Long> seqs =
        collector.received.stream()
            .filter(AgentMessage::hasBatch)
            .map(m -> m.getBatch().getSeq())
            .toList();
    assertThat(seqs.subList(0, 3)).containsExactly(1L, 1L, 2L);
    collector.sendToLatest(
        CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(2)).build());
    Eventually.await("all acknowledged", BOUND, () -> outbox.firstUnacked() == 0);
  }

  private List<String> goodbyes() {
    return collector.received.stream()
        .filter(AgentMessage::hasGoodbye)
        .map(m -> m.getGoodbye().getReason())
        .toList();
  }
}
