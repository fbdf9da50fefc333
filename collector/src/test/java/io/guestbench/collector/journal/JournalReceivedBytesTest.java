package io.guestbench.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.guestbench.collector.ingest.IngestService;
import io.guestbench.collector.metrics.TestResults;
import io.guestbench.proto.v1.AgentMessageView;
import io.guestbench.proto.v1.BatchView;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import io.guestbench.proto.v1.JournalLabels;
import io.guestbench.proto.v1.JournalRecord;
import io.guestbench.proto.v1.JournalRecordView;
import io.guestbench.proto.v1.Nack;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.GrpcCleanupExtension;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches through the real ingest service into the journal: a batch record holds each accepted
 * result as the bytes the agent sent, and is byte for byte the serialized {@code JournalRecord} of
 * those results, so every reader of the journal sees what it saw before.
 */
class JournalReceivedBytesTest {
  private static final Hello HELLO =
      Hello.newBuilder()
          .setAgentId("agent-a")
          .setEpoch(3)
          .setProtocolVersion(1)
          .setAgentVersion("test")
          .setFacts(HostFacts.newBuilder().setVirtType("xen-hvm").putFacts("instance_type", "m5"))
          .putLabels("experiment", "e1")
          .build();

  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  @TempDir Path dir;
  private JournalFixture fixture;
  private JournalResultStore journal;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    fixture = new JournalFixture(dir);
    journal = fixture.start(Syncer.NONE);
    String name = "received-bytes-" + System.identityHashCode(this);
    IngestService ingest = fixture.ingest(journal);
    grpc.register(InProcessServerBuilder.forName(name).addService(ingest).build().start());
    channel = grpc.register(InProcessChannelBuilder.forName(name).build());
  }

  @AfterEach
  void stop() {
    journal.stop(Duration.ofSeconds(5));
  }

  @Test
  void aBatchRecordIsTheJournalRecordOfItsAcceptedResultsByteForByte() throws Exception {
    ProbeResult first = result("r1", 1e9);
    ProbeResult refused = result("r2", 2e9).toBuilder().setStatusValue(0).build();
    ProbeResult third = result("r3", 3e9);
    AgentStream agent = new AgentStream(channel, HELLO);
    assertThat(agent.next().hasWelcome()).isTrue();
    agent.send(1, List.of(first, refused, third));
    assertThat(agent.next().getAck().getSeq()).isEqualTo(1);
    journal.stop(Duration.ofSeconds(5));

    byte[] expected =
        JournalRecord.newBuilder()
            .setAgentId("agent-a")
            .setEpoch(3)
            .setSeq(1)
            .setStoredTimeUnixNano(fixture.clock.wallNanos())
            .setLabels(
                JournalLabels.newBuilder()
                    .setVirtType("xen-hvm")
                    .setInstanceType("m5")
                    .setExperiment("e1"))
            .addResults(first)
            .addResults(third)
            .build()
            .toByteArray();
    assertThat(batchRecord(1)).isEqualTo(expected);
    assertThat(rejected("bad_status")).isEqualTo(1);
    assertThat(JournalFixture.read(dir).getFirst().results()).containsExactly(first, third);
  }

  /**
   * Bytes that protobuf would not have written (here the run id after the other fields) parse as
   * the same result; the journal keeps them as they came rather than encoding the result afresh.
   */
  @Test
  void resultsAreKeptAsTheAgentEncodedThem() throws Exception {
    ProbeResult result = result("r1", 1e9);
    ByteString reordered =
        result.toBuilder()
            .clearRunId()
            .build()
            .toByteString()
            .concat(ProbeResult.newBuilder().setRunId("r1").build().toByteString());
    assertThat(reordered).isNotEqualTo(result.toByteString());

    ViewStream agent = new ViewStream();
    agent.send(1, List.of(reordered));
    assertThat(agent.next().getAck().getSeq()).isEqualTo(1);
    journal.stop(Duration.ofSeconds(5));

    assertThat(JournalRecordView.parseFrom(batchRecord(1)).getResultsList())
        .containsExactly(reordered);
    assertThat(JournalFixture.read(dir).getFirst().results()).containsExactly(result);
  }

  @Test
  void bytesThatAreNotAProbeResultAreCountedAndLeftOut() throws Exception {
    ByteString garbage = ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff, 0x01});
    ProbeResult good = result("r1", 1e9);
    ViewStream agent = new ViewStream();
    agent.send(1, List.of(garbage, good.toByteString()));
    assertThat(agent.next().getAck().getSeq()).isEqualTo(1);
    agent.send(2, List.of(garbage));
    Nack nack = agent.next().getNack();
    assertThat(nack.getSeq()).isEqualTo(2);
    assertThat(nack.getReason()).isEqualTo("malformed_result");
    assertThat(nack.getRetryable()).isFalse();
    journal.stop(Duration.ofSeconds(5));

    assertThat(rejected("malformed_result")).isEqualTo(2);
    assertThat(JournalFixture.read(dir))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.seq()).isEqualTo(1);
              assertThat(b.results()).containsExactly(good);
            });
  }

  private static ProbeResult result(String runId, double opsPerSecond) {
    return TestResults.compute("int", opsPerSecond, 1000, 2000).setRunId(runId).build();
  }

  private double rejected(String reason) {
    return fixture
        .meters
        .get("guestbench.collector.rejected")
        .tag("reason", reason)
        .counter()
        .count();
  }

  /** The payload of the batch record with {@code seq}, as it is on disk. */
  private byte[] batchRecord(long seq) throws Exception {
    List<byte[]> found = new ArrayList<>();
    for (SegmentFiles.Ref ref : SegmentFiles.list(dir)) {
      try (SegmentCursor c = SegmentCursor.open(ref.path())) {
        for (ByteBuffer p = c.next(); p != null; p = c.next()) {
          if (RecordCodec.head(p).seq() == seq) {
            byte[] payload = new byte[p.remaining()];
            p.duplicate().get(payload);
            found.add(payload);
          }
        }
      }
    }
    assertThat(found).hasSize(1);
    return found.getFirst();
  }

  /** An agent stream that sends its batches' results as raw bytes, whatever they hold. */
  private final class ViewStream implements StreamObserver<CollectorMessage> {
    private final BlockingQueue<CollectorMessage> received = new LinkedBlockingQueue<>();
    private final StreamObserver<AgentMessageView> requests;

    ViewStream() throws InterruptedException {
      MethodDescriptor<AgentMessageView, CollectorMessage> connect =
          CollectorServiceGrpc.getConnectMethod().toBuilder(
                  ProtoUtils.marshaller(AgentMessageView.getDefaultInstance()),
                  ProtoUtils.marshaller(CollectorMessage.getDefaultInstance()))
              .build();
      requests =
          ClientCalls.asyncBidiStreamingCall(channel.newCall(connect, CallOptions.DEFAULT), this);
      requests.onNext(AgentMessageView.newBuilder().setHello(HELLO).build());
      assertThat(next().hasWelcome()).isTrue();
    }

    void send(long seq, List<ByteString> results) {
      requests.onNext(
          AgentMessageView.newBuilder()
              .setBatch(BatchView.newBuilder().setSeq(seq).addAllResults(results))
              .build());
    }

    CollectorMessage next() throws InterruptedException {
      CollectorMessage m = received.poll(10, TimeUnit.SECONDS);
      assertThat(m).as("a message from the collector within 10 s").isNotNull();
      return m;
    }

    @Override
    public void onNext(CollectorMessage value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
