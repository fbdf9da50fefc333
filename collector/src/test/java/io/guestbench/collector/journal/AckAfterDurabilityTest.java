package io.guestbench.collector.journal;

import static io.guestbench.collector.journal.JournalFixture.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.IngestService;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.testing.GrpcCleanupExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real ingest service over in-process gRPC, on a journal whose fsync the test holds. */
class AckAfterDurabilityTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  @TempDir Path dir;
  private final HeldSyncer sync = new HeldSyncer();
  private JournalFixture fixture;
  private JournalResultStore journal;
  private String name;

  private AgentStream connect(String agentId) throws Exception {
    AgentStream s = open(agentId);
    assertThat(s.next().hasWelcome()).isTrue();
    return s;
  }

  /** A stream that has sent its Hello; the Welcome is left for the test to read. */
  private AgentStream open(String agentId) throws Exception {
    if (journal == null) {
      fixture = fixture == null ? new JournalFixture(dir) : fixture;
      journal = fixture.start(sync);
      name = "ack-test-" + System.identityHashCode(this);
      IngestService ingest = fixture.ingest(journal);
      grpc.register(InProcessServerBuilder.forName(name).addService(ingest).build().start());
    }
    return new AgentStream(
        grpc.register(InProcessChannelBuilder.forName(name).build()), agentId, 3);
  }

  @AfterEach
  void stop() {
    sync.open();
    if (journal != null) {
      journal.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void acksComeOnlyAfterFsyncAndInSeqOrderWithRefusalsInTurn() throws Exception {
    AgentStream agent = connect("agent-a");
    agent.send(1, batch(1));
    sync.awaitEntered();
    agent.send(2, batch(2)).send(3, List.of()).send(4, batch(4));

    assertThat(agent.poll(300)).as("nothing may be answered while fsync is held").isNull();
    sync.release(1);
    assertThat(agent.next().getAck().getSeq()).isEqualTo(1);
    assertThat(agent.poll(200)).as("2 waits for its own fsync; 3 waits behind 2").isNull();
    sync.release(1);
    assertThat(agent.next().getAck().getSeq()).isEqualTo(2);
    CollectorMessage nack = agent.next();
    assertThat(nack.getNack().getSeq()).isEqualTo(3);
    assertThat(nack.getNack().getRetryable()).isFalse();
    assertThat(agent.next().getAck().getSeq()).isEqualTo(4);
    assertThat(journal.highestStored(new AgentKey("agent-a", 3))).isEqualTo(4);
  }

  @Test
  void aFailedWriteIsARetryableNackThenNothingMoreOnThatStream() throws Exception {
    AgentStream agent = connect("agent-b");
    sync.fail.set(true);
    agent.send(1, batch(1));
    sync.awaitEntered();
    agent.send(2, batch(2));
    sync.open();

    CollectorMessage nack = agent.next();
    assertThat(nack.getNack().getSeq()).isEqualTo(1);
    assertThat(nack.getNack().getRetryable()).isTrue();
    assertThat(nack.getNack().getReason()).isEqualTo("journal_unavailable");
    assertThat(journal.healthy()).isFalse();
    assertThat(agent.poll(300)).as("2 must not be acked: the ack would cover 1").isNull();

    sync.fail.set(false);
    AgentStream again = connect("agent-b");
    again.send(1, batch(1)).send(2, batch(2));
    awaitAck(again, 2);
    assertThat(journal.healthy()).isTrue();
  }

  @Test
  void aNewStreamIsWelcomedOnlyOnceThePreviousStreamsBatchesAreOnDisk() throws Exception {
    AgentStream first = connect("agent-c");
    first.send(1, batch(1));
    sync.awaitEntered();

    AgentStream second = open("agent-c");
    assertThat(second.poll(300))
        .as("a Welcome now would say 0, and seq 1 is about to be stored")
        .isNull();
    sync.release(1);
    CollectorMessage welcome = second.next();
    assertThat(welcome.getWelcome().getHighestStoredSeq()).isEqualTo(1);
    sync.open();
  }

  @Test
  void aFullJournalStopsReadingTheStreamInsteadOfRefusingBatches() throws Exception {
    fixture = new JournalFixture(dir).with(64 << 20, 1L << 30, 1); // room for no second batch
    AgentStream agent = connect("agent-d");
    agent.send(1, batch(1));
    sync.awaitEntered();
    agent.send(2, batch(2)).send(3, batch(3));
    assertThat(agent.poll(300))
        .as("no journal_busy Nack: 2 and 3 stay unread while 1 waits for its fsync")
        .isNull();
    sync.open();
    awaitAck(agent, 3);
    assertThat(fixture.meters.find("guestbench.collector.journal.refused").counters())
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  /** Reads Acks (and nothing else) until one covers {@code seq}. */
  private static void awaitAck(AgentStream s, long seq) throws InterruptedException {
    for (long acked = 0; acked < seq; ) {
      CollectorMessage m = s.next();
      assertThat(m.hasAck()).as("%s", m).isTrue();
      assertThat(m.getAck().getSeq()).isGreaterThan(acked);
      acked = m.getAck().getSeq();
    }
  }
}
