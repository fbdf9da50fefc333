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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A paced load agent against a scripted journal over in-process gRPC that refuses one batch with a
 * retryable Nack and then answers nothing more on that stream, as the collector does: the agent
 * must reconnect like the real one, resend what is unsettled with the same bytes, time it from its
 * intended send, and count every stored batch exactly once.
 */
class LoadAgentResendTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();

  private final AtomicLong now = new AtomicLong();
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(0));
  private final Tally tally = new Tally();

  @Test
  void aRetryableNackMakesTheAgentReconnectAndResendTheUnsettledBatchesUnchanged()
      throws Exception {
    Journal journal = new Journal(3, false, 0);
    LoadAgent agent = sendFour(journal);

    now.set(5_000);
    agent.due(40); // while no stream is open: it waits for the new one
    scheduler.advance(Redial.CEILING);
    assertThat(LoadMain.waitFor(() -> tally.snapshot().ackedBatches() == 5, 5)).isTrue();

    List<AgentMessage> first = journal.streams.get(0);
    List<AgentMessage> second = journal.streams.get(1);
    assertThat(second.getFirst().getHello().getAgentId()).isEqualTo("load-1");
    assertThat(second.getFirst().getHello().getEpoch()).isEqualTo(1);
    assertThat(second.getFirst().getHello().getFirstUnackedSeq()).isEqualTo(3);
    assertThat(second.subList(1, 3)).isEqualTo(first.subList(3, 5)); // seqs 3 and 4, same bytes
    assertThat(second.get(3).getBatch().getSeq()).isEqualTo(5);

    Tally.Snapshot s = tally.snapshot();
    assertThat(s.retryableNacks()).isEqualTo(Map.of("journal_busy", 1L));
    assertThat(s.nacks()).isEmpty();
    assertThat(s.reconnects()).isEqualTo(1);
    assertThat(s.resent()).isEqualTo(2);
    assertThat(s.sentBatches()).isEqualTo(5);
    assertThat(s.deferred()).isEqualTo(1);
    assertThat(LoadRun.inFlight(s)).isZero();
    assertThat(s.ackedResults()).isEqualTo(journal.storedResults());
    assertThat(tally.welcomed.get()).isEqualTo(1);
    assertThat(tally.open.get()).isEqualTo(1);
    var latency = tally.latencySinceLast(); // 100, 90, then 4980, 4970 (resent), 4960 (new)
    assertThat(latency.getTotalCount()).isEqualTo(5);
    assertThat(latency.getMinValue()).isEqualTo(90);
    assertThat(latency.getMaxValue()).isEqualTo(latency.highestEquivalentValue(4_980));
    assertThat(latency.getCountAtValue(4_960)).isEqualTo(1); // batch 5, sent new

    agent.finish();
    assertThat(LoadMain.waitFor(() -> tally.open.get() == 0, 5)).isTrue();
  }

  /**
   * The journal stores the refused batch and the two after it, as if their answers were lost. With
   * a Welcome that says so the agent counts them at the Welcome; with one that lags by two seqs it
   * resends those two, which the journal acknowledges as duplicates. Either way each counts once.
   */
  @ParameterizedTest
  @ValueSource(longs = {0, 2})
  void aBatchStoredButNotAcknowledgedCountsOnce(long welcomeBehind) throws Exception {
    Journal journal = new Journal(2, true, welcomeBehind);
    LoadAgent agent = sendFour(journal);

    scheduler.advance(Redial.CEILING);
    assertThat(LoadMain.waitFor(() -> tally.snapshot().ackedBatches() == 4, 5)).isTrue();
    agent.finish();
    assertThat(LoadMain.waitFor(() -> tally.open.get() == 0, 5)).isTrue();

    Tally.Snapshot s = tally.snapshot();
    assertThat(s.reconnects()).isEqualTo(1);
    assertThat(s.resent()).isEqualTo(welcomeBehind);
    assertThat(journal.duplicates()).isEqualTo(welcomeBehind);
    assertThat(s.ackedResults()).isEqualTo(journal.storedResults()).isEqualTo(4 * 2);
    assertThat(LoadRun.inFlight(s)).isZero();
    assertThat(tally.latencySinceLast().getTotalCount()).isEqualTo(4);
  }

  /** Four paced batches (intended at 0, 10, 20, 30) and the journal's answers to all of them. */
  private LoadAgent sendFour(Journal journal) throws Exception {
    String name = InProcessServerBuilder.generateName();
    grpc.register(InProcessServerBuilder.forName(name).addService(journal).build().start());
    var channel = grpc.register(InProcessChannelBuilder.forName(name).build());
    var pool = ResultPool.of(30, 1_750_000_000_000_000_000L, 7);
    LoadAgent agent =
        new LoadAgent(
            "load-1",
            1,
            new BatchSource(pool, 2),
            4,
            true,
            tally,
            now::get,
            new Redial(scheduler, new Random(1)));
    agent.start(channel);
    assertThat(LoadMain.waitFor(() -> tally.welcomed.get() == 1, 5)).isTrue();
    now.set(100);
    for (long t = 0; t < 40; t += 10) {
      agent.due(t);
    }
    assertThat(LoadMain.waitFor(() -> scheduler.queued() == 1, 5)).isTrue(); // the redial
    assertThat(tally.snapshot().retryableNacks()).isEqualTo(Map.of("journal_busy", 1L));
    assertThat(tally.open.get()).isZero();
    return agent;
  }

  /**
   * A collector with a journal: stores each (agent, seq) once and acknowledges duplicates. On its
   * first stream it answers only once it holds four batches (so all four are sent before any
   * answer), refuses seq {@code refuse} with a retryable journal_busy Nack and answers nothing
   * after it; {@code keepRefused} stores the refused batch and the later ones anyway, as if their
   * answers were lost. The Welcome states what is stored, less {@code welcomeBehind}.
   */
  private static final class Journal extends CollectorServiceGrpc.CollectorServiceImplBase {
    final List<List<AgentMessage>> streams = new CopyOnWriteArrayList<>();
    private final long refuse;
    private final boolean keepRefused;
    private final long welcomeBehind;
    private final Set<Long> stored = new HashSet<>();
    private long storedResults;
    private long duplicates;

    Journal(long refuse, boolean keepRefused, long welcomeBehind) {
      this.refuse = refuse;
      this.keepRefused = keepRefused;
      this.welcomeBehind = welcomeBehind;
    }

    synchronized long storedResults() {
      return storedResults;
    }

    synchronized long duplicates() {
      return duplicates;
    }

    @Override
    public StreamObserver<AgentMessage> connect(StreamObserver<CollectorMessage> out) {
      List<AgentMessage> received = new CopyOnWriteArrayList<>();
      boolean first = streams.isEmpty();
      streams.add(received);
      return new StreamObserver<>() {
        private final List<AgentMessage> held = new ArrayList<>();
        private boolean refused;

        @Override
        public void onNext(AgentMessage m) {
          received.add(m);
          synchronized (Journal.this) {
            if (m.hasHello()) {
              long highest = stored.stream().mapToLong(Long::longValue).max().orElse(0);
              send(
                  CollectorMessage.newBuilder()
                      .setWelcome(
                          Welcome.newBuilder()
                              .setHighestStoredSeq(Math.max(0, highest - welcomeBehind)))
                      .build());
            } else if (!first) {
              answer(m);
            } else if (held.add(m) && held.size() == 4) {
              held.forEach(this::answer);
            }
          }
        }

        private void answer(AgentMessage m) {
          long seq = m.getBatch().getSeq();
          boolean refuseNow = first && seq == refuse;
          if (refused || refuseNow) {
            if (keepRefused) {
              store(m);
            }
            if (refuseNow) {
              send(
                  CollectorMessage.newBuilder()
                      .setNack(
                          Nack.newBuilder()
                              .setSeq(seq)
                              .setReason("journal_busy")
                              .setRetryable(true))
                      .build());
            }
            refused = true;
            return;
          }
          store(m);
          send(CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(seq)).build());
        }

        private void store(AgentMessage m) {
          if (stored.add(m.getBatch().getSeq())) {
            storedResults += m.getBatch().getResultsCount();
          } else {
            duplicates++;
          }
        }

        private void send(CollectorMessage message) {
          synchronized (out) {
            out.onNext(message);
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          out.onCompleted();
        }
      };
    }
  }
}
