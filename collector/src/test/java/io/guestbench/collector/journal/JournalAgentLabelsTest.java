package io.guestbench.collector.journal;

import static io.guestbench.collector.journal.JournalFixture.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.IngestService;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import io.guestbench.testing.GrpcCleanupExtension;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ingest service over in-process gRPC: what an agent's Hello says about it reaches the
 * journal and comes back out of {@link JournalReader} with every batch, for grouping by any label.
 */
class JournalAgentLabelsTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  @TempDir Path dir;
  private JournalResultStore journal;
  private String name;

  private static Hello hello(String agentId, String zone, String team) {
    return Hello.newBuilder()
        .setAgentId(agentId)
        .setEpoch(4)
        .setProtocolVersion(1)
        .setAgentVersion("0.9.1")
        .setFacts(
            HostFacts.newBuilder()
                .setVirtType("xen-hvm")
                .putFacts("instance_type", "m3.medium")
                .putFacts("availability_zone", zone)
                .putFacts("clocksource", "xen"))
        .putLabels("virt_type", "xen-pv")
        .putLabels("experiment", "pv-vs-hvm")
        .putLabels("team", team)
        .build();
  }

  private void startCollector(JournalFixture f) throws Exception {
    journal = f.start();
    name = "labels-test-" + System.identityHashCode(this);
    IngestService ingest = f.ingest(journal);
    grpc.register(InProcessServerBuilder.forName(name).addService(ingest).build().start());
  }

  private AgentStream connect(Hello hello) throws Exception {
    AgentStream s =
        new AgentStream(grpc.register(InProcessChannelBuilder.forName(name).build()), hello);
    assertThat(s.next().hasWelcome()).isTrue();
    return s;
  }

  private static void send(AgentStream s, long from, long to) throws InterruptedException {
    for (long seq = from; seq <= to; seq++) {
      s.send(seq, batch(seq));
    }
    for (long acked = from - 1; acked < to; ) {
      CollectorMessage m = s.next();
      assertThat(m.hasAck()).as("%s", m).isTrue();
      acked = m.getAck().getSeq();
    }
  }

  @AfterEach
  void stop() {
    if (journal != null) {
      journal.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void everyBatchComesBackWithItsAgentsFactsAndLabels() throws Exception {
    startCollector(new JournalFixture(dir));
    AgentStream a = connect(hello("agent-a", "us-east-1a", "storage"));
    AgentStream b = connect(hello("agent-b", "us-east-1b", "web"));
    send(a, 1, 2);
    send(b, 1, 1);
    send(a, 3, 3);
    journal.stop(Duration.ofSeconds(5));
    journal = null;

    List<StoredBatch> read = JournalFixture.read(dir);
    assertThat(read).hasSize(4);
    StoredBatch first = read.getFirst();
    assertThat(first.agent().connectedUnixNano()).as("when the Hello was accepted").isPositive();
    assertThat(first.agent())
        .usingRecursiveComparison()
        .ignoringFields("connectedUnixNano")
        .isEqualTo(
            new AgentDescription(
                "0.9.1",
                "xen-hvm",
                Map.of(
                    "instance_type", "m3.medium",
                    "availability_zone", "us-east-1a",
                    "clocksource", "xen"),
                Map.of("virt_type", "xen-pv", "experiment", "pv-vs-hvm", "team", "storage")));
    assertThat(first.groupLabels())
        .containsEntry("agent_id", "agent-a")
        .containsEntry("virt_type", "xen-pv")
        .containsEntry("detected_virt_type", "xen-hvm")
        .containsEntry("instance_type", "m3.medium")
        .containsEntry("availability_zone", "us-east-1a")
        .containsEntry("experiment", "pv-vs-hvm")
        .containsEntry("team", "storage")
        .containsEntry("agent_version", "0.9.1");
    assertThat(read)
        .extracting(
            r -> r.key().agentId() + "/" + r.seq() + "@" + r.groupLabels().get("availability_zone"))
        .containsExactly(
            "agent-a/1@us-east-1a",
            "agent-a/2@us-east-1a",
            "agent-b/1@us-east-1b",
            "agent-a/3@us-east-1a");
  }

  @Test
  void aNewHelloOnTheSameEpochDescribesTheBatchesAfterIt() throws Exception {
    startCollector(new JournalFixture(dir));
    AgentStream first = connect(hello("agent-a", "us-east-1a", "storage"));
    send(first, 1, 2);
    first.close();
    AgentStream second = connect(hello("agent-a", "us-east-1a", "databases"));
    send(second, 3, 3);
    journal.stop(Duration.ofSeconds(5));
    journal = null;

    assertThat(JournalFixture.read(dir))
        .extracting(r -> r.groupLabels().get("team"))
        .containsExactly("storage", "storage", "databases");
  }

  @Test
  void everySegmentDescribesItsAgentsSoRetentionLosesNoLabels() throws Exception {
    startCollector(new JournalFixture(dir).with(1024, 3 * 1024, 64 << 20));
    AgentStream a = connect(hello("agent-a", "us-east-1c", "storage"));
    send(a, 1, 30);
    journal.stop(Duration.ofSeconds(5));
    journal = null;

    List<StoredBatch> read = JournalFixture.read(dir);
    assertThat(read.getFirst().seq()).as("retention deleted the first segments").isGreaterThan(1);
    assertThat(read)
        .allSatisfy(
            r -> assertThat(r.groupLabels()).containsEntry("availability_zone", "us-east-1c"));
    for (SegmentFiles.Ref ref : SegmentFiles.list(dir)) {
      assertThat(agentRecords(ref.path())).as("%s", ref.path()).isEqualTo(1);
    }
  }

  private static int agentRecords(Path segment) throws Exception {
    int n = 0;
    try (SegmentCursor c = SegmentCursor.open(segment)) {
      for (ByteBuffer p = c.next(); p != null; p = c.next()) {
        n += RecordCodec.head(p).seq() == 0 ? 1 : 0;
      }
    }
    return n;
  }

  /** A journal written before agent records existed reads as before, its labels from the series. */
  @Test
  void aJournalWithoutAgentRecordsStillReads() throws Exception {
    AgentKey key = new AgentKey("old-agent", 1);
    AgentLabels labels = new AgentLabels("old-agent", "xen-pv", "m1.small", "");
    ByteBuffer one = Frames.frame(RecordCodec.encode(key, 1, 10, labels, batch(1)));
    ByteBuffer two = Frames.frame(RecordCodec.encode(key, 2, 20, labels, batch(2)));
    ByteBuffer segment = ByteBuffer.allocate(one.limit() + two.limit()).put(one).put(two);
    Files.write(SegmentFiles.path(dir, 1), segment.array());

    List<StoredBatch> read = JournalFixture.read(dir);
    assertThat(read).extracting(StoredBatch::seq).containsExactly(1L, 2L);
    assertThat(read.getFirst().agent()).isEqualTo(AgentDescription.UNKNOWN);
    assertThat(read.getFirst().groupLabels())
        .isEqualTo(
            Map.of("agent_id", "old-agent", "virt_type", "xen-pv", "instance_type", "m1.small"));
  }
}
