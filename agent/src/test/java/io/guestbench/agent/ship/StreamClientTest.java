package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.Ack;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.Drain;
import io.guestbench.proto.v1.Nack;
import io.guestbench.proto.v1.RunProbe;
import io.guestbench.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamClientTest {
  private static final Duration BOUND = ScriptedStream.BOUND;
  @RegisterExtension final ScriptedStream stream = new ScriptedStream();
  private final ScriptedCollector collector = stream.collector;
  private final MemoryOutbox outbox = stream.outbox;

  private void append(int n) {
    for (int i = 0; i < n; i++) {
      stream.append("r" + i);
    }
  }

  @Test
  void neverHasMoreThanTheInFlightLimitUnacknowledged() throws Exception {
    append(10);
    Eventually.await("4 batches sent", BOUND, () -> collector.batches() == 4);
    Thread.sleep(50); // a fifth would be sent by now if the limit were not enforced
    assertThat(collector.batches()).isEqualTo(4);

    collector.sendToLatest(
        CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(2)).build());
    Eventually.await("2 more sent after the ack", BOUND, () -> collector.batches() == 6);
    assertThat(outbox.firstUnacked()).isEqualTo(3);
  }

  @Test
  void welcomeReleasesWhatTheCollectorAlreadyHolds() throws Exception {
    collector.welcomeHighest = 0;
    append(3);
    Eventually.await("3 batches sent", BOUND, () -> collector.batches() == 3);
    collector.welcomeHighest = 2;
    collector.sendToLatest(
        CollectorMessage.newBuilder().setDrain(Drain.newBuilder().setReason("test")).build());

    Eventually.await("a second Hello", BOUND, () -> collector.hellos() == 2);
    Eventually.await("only seq 3 resent", BOUND, () -> collector.batches() == 4);
    Batch resent = collector.received.getLast().getBatch();
    assertThat(resent.getSeq()).isEqualTo(3);
    assertThat(collector.received.get(4).getHello().getFirstUnackedSeq()).isEqualTo(1);
    assertThat(outbox.firstUnacked()).isEqualTo(3);
  }

  @Test
  void aNonRetryableNackDropsTheBatchAndCountsIt() throws Exception {
    append(1);
    Eventually.await("batch sent", BOUND, () -> collector.batches() == 1);
    collector.sendToLatest(
        CollectorMessage.newBuilder()
            .setNack(Nack.newBuilder().setSeq(1).setReason("invalid_result").setRetryable(false))
            .build());
    assertThat(stream.client.awaitAllAcknowledged(BOUND)).isTrue();
    assertThat(outbox.stats().rejectedResultsByReason()).containsEntry("invalid_result", 1L);
    assertThat(outbox.stats().droppedResults()).isZero();
  }

  @Test
  void commandsReachTheHandler() throws Exception {
    Eventually.await("connected", BOUND, () -> collector.hellos() == 1);
    Command command =
        Command.newBuilder()
            .setCommandId("c1")
            .setRunProbe(RunProbe.newBuilder().setName("compute"))
            .build();
    collector.sendToLatest(CollectorMessage.newBuilder().setCommand(command).build());
    Eventually.await("command handled", BOUND, () -> stream.commands.contains(command));
  }

  @Test
  void stoppingLeavesNothingScheduledSoTheClientThreadEndsAtOnce() throws Exception {
    append(1);
    Eventually.await("batch sent", BOUND, () -> collector.batches() == 1);
    collector.sendToLatest(
        CollectorMessage.newBuilder().setAck(Ack.newBuilder().setSeq(1)).build());
    assertThat(stream.client.awaitAllAcknowledged(BOUND)).isTrue();

    stream.client.stop(Duration.ofSeconds(5));
    stream.thread.shutdown();

    // the stream's retirement, an hour away, must not keep the thread (and the agent) alive
    assertThat(stream.thread.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    Eventually.await(
        "the Goodbye at the collector", BOUND, () -> stream.goodbyes().equals(List.of("shutdown")));
  }

  @Test
  void aReconnectWaitingForItsDelayDoesNotHoldUpStopping() throws Exception {
    Eventually.await("connected", BOUND, () -> stream.client.state().connected());
    collector.sendToLatest(
        CollectorMessage.newBuilder()
            .setDrain(Drain.newBuilder().setReason("test").setReconnectAfterMillis(3_600_000))
            .build());
    Eventually.await("stream lost", BOUND, () -> stream.client.state().reconnects() == 1);

    stream.client.stop(Duration.ofSeconds(5));
    stream.thread.shutdown();

    assertThat(stream.thread.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
  }
}
