package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.guestbench.proto.v1.Ack;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import io.guestbench.proto.v1.Nack;
import io.guestbench.proto.v1.Welcome;
import io.guestbench.testing.GrpcCleanupExtension;
import io.guestbench.testing.ManualClock;
import io.guestbench.testing.ManualScheduler;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A load agent against a scripted collector over in-process gRPC: it acknowledges every second
 * batch cumulatively and nacks seq 3, so the window, the accounting and the latencies show.
 */
class LoadAgentTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();

  private final AtomicLong now = new AtomicLong();
  private final List<AgentMessage> received = new CopyOnWriteArrayList<>();

  @Test
  void keepsTheWindowFullAndCountsWhatCumulativeAcksCover() throws Exception {
    Tally tally = new Tally();
    LoadAgent agent = agent(tally, false);

    assertThat(LoadMain.waitFor(() -> tally.snapshot().sentBatches() >= 8, 5)).isTrue();
    agent.stop();
    agent.finish();
    assertThat(LoadMain.waitFor(() -> LoadRun.inFlight(tally.snapshot()) == 0, 5)).isTrue();

    Tally.Snapshot s = tally.snapshot();
    assertThat(received.getFirst().getHello().getAgentId()).isEqualTo("load-1");
    assertThat(received.stream().filter(AgentMessage::hasBatch).map(m -> m.getBatch().getSeq()))
        .startsWith(1L, 2L, 3L, 4L)
        .doesNotHaveDuplicates();
    assertThat(s.nacks()).isEqualTo(Map.of("invalid_result", 1L));
    assertThat(s.ackedBatches()).isEqualTo(s.sentBatches() - 1);
    assertThat(s.ackedResults()).isEqualTo(2 * s.ackedBatches());
    assertThat(s.ackedSamples())
        .isEqualTo(2 * 2 * s.ackedBatches()); // 2 cpu results, 2 samples each
    assertThat(tally.latencySinceLast().getTotalCount()).isEqualTo(s.ackedBatches());
    assertThat(tally.welcomed.get()).isEqualTo(1);
  }

  @Test
  void aPacedAgentSendsOnlyWhatIsDueAndTimesItFromTheIntendedTime() throws Exception {
    Tally tally = new Tally();
    LoadAgent agent = agent(tally, true);
    assertThat(LoadMain.waitFor(() -> tally.welcomed.get() == 1, 5)).isTrue();
    now.set(1_000);
    agent.due(0);
    agent.due(500);

    assertThat(LoadMain.waitFor(() -> tally.snapshot().ackedBatches() == 2, 5)).isTrue();
    assertThat(tally.snapshot().sentBatches()).isEqualTo(2);
    var latency = tally.latencySinceLast();
    assertThat(latency.getMaxValue()).isEqualTo(1_000);
    assertThat(latency.getMinValue()).isEqualTo(500);
  }

  private LoadAgent agent(Tally tally, boolean paced) throws Exception {
    String name = InProcessServerBuilder.generateName();
    grpc.register(InProcessServerBuilder.forName(name).addService(new Scripted()).build().start());
    var channel = grpc.register(InProcessChannelBuilder.forName(name).build());
    var pool = List.of(ResultPool.compute(new Random(1), "int", 1_750_000_000_000_000_000L));
    LoadAgent agent =
        new LoadAgent(
            "load-1",
            1,
            new BatchSource(pool, 2),
            4,
            paced,
            tally,
            now::get,
            new Redial(new ManualScheduler(new ManualClock(0)), new Random(1)));
    agent.start(channel);
    return agent;
  }

  /**
   * Welcome; then an Ack of every even seq (covering the odd one before it), a Nack of seq 3, and
   * an Ack of the last seq when the agent half-closes.
   */
  private final class Scripted extends CollectorServiceGrpc.CollectorServiceImplBase {
    @Override
    public StreamObserver<AgentMessage> connect(StreamObserver<CollectorMessage> out) {
      return new StreamObserver<>() {
        @Override
        public void onNext(AgentMessage m) {
          received.add(m);
          if (m.hasHello()) {
            out.onNext(
                CollectorMessage.newBuilder().setWelcome(Welcome.getDefaultInstance()).build());
          } else if (m.getBatch().getSeq() == 3) {
            out.onNext(
                CollectorMessage.newBuilder()
                    .setNack(Nack.newBuilder().setSeq(3).setReason("invalid_result"))
                    .build());
          } else if (m.getBatch().getSeq() % 2 == 0) {
            ack(m.getBatch().getSeq());
          }
          highest = Math.max(highest, m.getBatch().getSeq());
        }

        private long highest;

        private void ack(long seq) {
          out.onNext(CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(seq)).build());
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          ack(highest);
          out.onCompleted();
        }
      };
    }
  }
}
