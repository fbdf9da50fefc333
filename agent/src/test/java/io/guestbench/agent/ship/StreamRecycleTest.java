package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.Ack;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.testing.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streams are replaced after their lifetime, without losing or reordering batches. */
class StreamRecycleTest {
  private static final Duration BOUND = ScriptedStream.BOUND;

  @RegisterExtension
  final ScriptedStream stream =
      new ScriptedStream(t -> t.withMaxStreamLifetime(Duration.ofMillis(400)));

  private final ScriptedCollector collector = stream.collector;
  private final MemoryOutbox outbox = stream.outbox;

  @Test
  void anIdleStreamIsReplacedWithAGoodbyeAndCountsAsRecycledNotLost() throws Exception {
    Eventually.await("a second stream", BOUND, () -> collector.hellos() >= 2);
    assertThat(stream.goodbyes()).contains("recycle");
    assertThat(stream.client.state().recycles()).isPositive();
    assertThat(stream.client.state().reconnects()).isZero();
  }

  @Test
  void aRetiringStreamSendsNothingNewAndTheNextStreamResendsWhatWasNotAcked() throws Exception {
    stream.append("r1");
    Eventually.await("batch 1 sent", BOUND, () -> collector.batches() == 1);
    long helloBefore = collector.hellos();
    Eventually.await("the stream retires", BOUND, () -> stream.goodbyes().contains("recycle"));
    stream.append("r2");
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
}
