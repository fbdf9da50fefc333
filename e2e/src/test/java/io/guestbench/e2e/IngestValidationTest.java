package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.testing.GrpcCleanupExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The collector's ingest rules, driven message by message over in-process gRPC. */
class IngestValidationTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();
  private final String name = InProcessServerNames.unique();
  private InProcessCollector collector;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    collector = new InProcessCollector(name, grpc).start();
    channel = grpc.register(InProcessChannelBuilder.forName(name).build());
  }

  @Test
  void aDuplicateSeqIsAcknowledgedButStoredOnce() throws Exception {
    RawAgentStream agent = new RawAgentStream(channel).send(RawAgentStream.hello("dup", 7));
    assertThat(agent.next().getWelcome().getHighestStoredSeq()).isZero();
    agent.send(1, SampleResults.cpu("r1", "int", 1e9, 1000));
    agent.send(1, SampleResults.cpu("r1", "int", 1e9, 1000));
    assertThat(agent.next().getAck().getSeq()).isEqualTo(1);
    assertThat(agent.next().getAck().getSeq()).isEqualTo(1);
    agent.finish();

    RawAgentStream again = new RawAgentStream(channel).send(RawAgentStream.hello("dup", 7));
    assertThat(again.next().getWelcome().getHighestStoredSeq()).isEqualTo(1);
    assertThat(collector.sample("guestbench_probe_runs_total{")).isEqualTo(1);
    assertThat(collector.sample("guestbench_collector_batches_total{result=\"duplicate\""))
        .isEqualTo(1);
  }

  @Test
  void aNewEpochStartsItsOwnSequence() throws Exception {
    RawAgentStream first = new RawAgentStream(channel).send(RawAgentStream.hello("epochs", 1));
    first.next();
    first.send(1, SampleResults.cpu("a", "int", 1e9, 1000));
    first.next();
    first.finish();
    RawAgentStream second = new RawAgentStream(channel).send(RawAgentStream.hello("epochs", 2));
    assertThat(second.next().getWelcome().getHighestStoredSeq()).isZero();
    second.send(1, SampleResults.cpu("b", "int", 1e9, 1000));
    assertThat(second.next().getAck().getSeq()).isEqualTo(1);
    assertThat(collector.sample("guestbench_probe_runs_total{")).isEqualTo(2);
  }

  @Test
  void aBatchBeforeHelloClosesOnlyThatStream() throws Exception {
    RawAgentStream good = new RawAgentStream(channel).send(RawAgentStream.hello("good", 1));
    good.next();
    RawAgentStream rude =
        new RawAgentStream(channel).send(1, SampleResults.cpu("x", "int", 1e9, 1));
    Status status = rude.closed.get(5, TimeUnit.SECONDS);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains("first message must be a Hello");

    good.send(1, SampleResults.cpu("fine", "int", 1e9, 1000));
    assertThat(good.next().getAck().getSeq()).isEqualTo(1);
    assertThat(collector.sample("guestbench_collector_rejected_total{reason=\"no_hello\""))
        .isEqualTo(1);
  }

  @Test
  void aBadHelloIsRefusedWithTheReason() throws Exception {
    RawAgentStream agent = new RawAgentStream(channel).send(RawAgentStream.hello("has space", 1));
    Status status = agent.closed.get(5, TimeUnit.SECONDS);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains("agent_id");
  }

  @Test
  void invalidResultsAreCountedAndTheGoodOnesBesideThemStored() throws Exception {
    RawAgentStream agent = new RawAgentStream(channel).send(RawAgentStream.hello("mixed", 1));
    agent.next();
    ProbeResult nan =
        SampleResults.cpu("nan", "int", 1e9, 1000).toBuilder()
            .setScalars(
                0,
                SampleResults.cpu("n", "int", 1, 1).getScalars(0).toBuilder().setValue(Double.NaN))
            .build();
    ProbeResult unknown =
        SampleResults.cpu("u", "int", 1e9, 1000).toBuilder().setName("warp").build();
    agent.send(1, SampleResults.cpu("ok", "int", 1e9, 1000), nan, unknown);
    assertThat(agent.next().getAck().getSeq()).isEqualTo(1);
    assertThat(collector.sample("guestbench_probe_runs_total{")).isEqualTo(1);
    assertThat(collector.sample("guestbench_collector_rejected_total{")).isEqualTo(2);

    agent.send(2, unknown);
    CollectorMessage refused = agent.next();
    assertThat(refused.getNack().getSeq()).isEqualTo(2);
    assertThat(refused.getNack().getRetryable()).isFalse();
  }

  @Test
  void aDeclaredGuestTypeWinsOnSeriesButBothStayVisible() throws Exception {
    Hello hello =
        RawAgentStream.hello("declared", 1).toBuilder()
            .setFacts(
                HostFacts.newBuilder()
                    .setVirtType("xen-hvm")
                    .putFacts("instance_type", "m3.medium"))
            .putLabels("virt_type", "xen-pv")
            .putLabels("experiment", "pv-vs-hvm")
            .build();
    RawAgentStream agent = new RawAgentStream(channel).send(hello);
    agent.next();
    agent.send(1, SampleResults.cpu("r", "int", 1e9, 1000));
    agent.next();
    String exposition = collector.scrape();
    assertThat(exposition)
        .contains("detected_virt_type=\"xen-hvm\"")
        .contains("declared_virt_type=\"xen-pv\"")
        .contains("virt_type_mismatch=\"true\"")
        .contains("instance_type=\"m3.medium\"");
    assertThat(
            exposition.lines().filter(l -> l.startsWith("guestbench_cpu_compute_ops_per_second{")))
        .singleElement()
        .asString()
        .contains("virt_type=\"xen-pv\"")
        .contains("experiment=\"pv-vs-hvm\"");
  }

  @Test
  void heartbeatsShowTheAgentsOwnAccounting() throws Exception {
    RawAgentStream agent = new RawAgentStream(channel).send(RawAgentStream.hello("hb", 1));
    agent.next();
    agent.send(
        io.guestbench.proto.v1.Heartbeat.newBuilder()
            .setProducedResults(12)
            .setRecoveredResults(3)
            .setAcknowledgedResults(9)
            .setBufferedResults(2)
            .setBufferedBytes(4096)
            .putDroppedResultsByReason("spool_age_cap", 3)
            .putDroppedResultsByReason("Not A Reason", 1)
            .build());
    // The gauges are set one after another on the stream's thread: wait for the last one.
    Poll.until(
        "the heartbeat's gauges",
        10,
        () -> {
          String page = collector.scrape();
          return page.contains("reason=\"other\",virt_type=\"unknown\"} 1.0")
              && page.contains("reason=\"spool_age_cap\",virt_type=\"unknown\"} 3.0");
        });
    assertThat(collector.sample("guestbench_agent_recovered_results{agent_id=\"hb\"")).isEqualTo(3);
    assertThat(collector.sample("guestbench_agent_acknowledged_results{agent_id=\"hb\""))
        .isEqualTo(9);
    assertThat(collector.sample("guestbench_agent_buffered_results{agent_id=\"hb\"")).isEqualTo(2);
    assertThat(collector.sample("guestbench_agent_buffered_bytes{agent_id=\"hb\"")).isEqualTo(4096);
    assertThat(collector.sample("guestbench_agent_spool_degraded{agent_id=\"hb\"")).isZero();
    assertThat(collector.scrape())
        .contains("reason=\"spool_age_cap\",virt_type=\"unknown\"} 3.0")
        .contains("reason=\"other\",virt_type=\"unknown\"} 1.0");
  }
}
