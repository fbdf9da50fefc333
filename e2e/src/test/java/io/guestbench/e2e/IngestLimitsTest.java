package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.guestbench.collector.ingest.IngestLimits;
import io.guestbench.collector.metrics.SeriesLimits;
import io.guestbench.proto.v1.Nack;
import io.guestbench.testing.GrpcCleanupExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Series budgets and per-agent rates at ingest, over in-process gRPC with the real service. */
class IngestLimitsTest {
  @RegisterExtension final GrpcCleanupExtension grpc = new GrpcCleanupExtension();

  @Test
  void seriesBudgetsRefuseNewSeriesForGoodButKeepServingKnownOnes() throws Exception {
    long oneConfiguration = chargedByOneComputeResult();
    InProcessCollector collector =
        collector(IngestLimits.defaults(), new SeriesLimits(oneConfiguration, oneConfiguration));
    ManagedChannel channel = channel(collector);

    RawAgentStream a = new RawAgentStream(channel).send(RawAgentStream.hello("a", 1));
    a.next();
    a.send(1, SampleResults.cpu("r1", "int", 1e9, 1000));
    assertThat(a.next().getAck().getSeq()).isEqualTo(1);
    a.send(2, SampleResults.cpu("r2", "fp", 1e9, 1000));
    Nack refused = a.next().getNack();
    assertThat(refused.getReason()).isEqualTo("agent_series_budget");
    assertThat(refused.getRetryable()).isFalse();
    a.send(3, SampleResults.cpu("r3", "int", 2e9, 1000));
    assertThat(a.next().getAck().getSeq()).as("known series still update").isEqualTo(3);

    RawAgentStream b = new RawAgentStream(channel).send(RawAgentStream.hello("b", 1));
    b.next();
    b.send(1, SampleResults.cpu("r1", "int", 1e9, 1000));
    assertThat(b.next().getNack().getReason()).isEqualTo("series_budget");

    assertThat(
            collector.sample("guestbench_collector_rejected_total{reason=\"agent_series_budget\""))
        .isEqualTo(1);
    assertThat(collector.sample("guestbench_collector_rejected_total{reason=\"series_budget\""))
        .isEqualTo(1);
    assertThat(collector.sample("guestbench_probe_runs_total{agent_id=\"b\"")).isZero();
  }

  @Test
  void anAgentOverItsRateIsToldToResendLater() throws Exception {
    InProcessCollector collector =
        collector(new IngestLimits(4 << 20, 2, 1, 2), SeriesLimits.DEFAULT);
    ManagedChannel channel = channel(collector);
    RawAgentStream a = new RawAgentStream(channel).send(RawAgentStream.hello("a", 1));
    a.next();
    a.send(1, SampleResults.cpu("r1", "int", 1e9, 1000), SampleResults.cpu("r2", "int", 1e9, 1000));
    assertThat(a.next().getAck().getSeq()).isEqualTo(1);
    a.send(2, SampleResults.cpu("r3", "int", 1e9, 1000));
    Nack later = a.next().getNack();
    assertThat(later.getReason()).isEqualTo("rate_limited");
    assertThat(later.getRetryable()).isTrue();

    // As after any retryable Nack, the agent reconnects (after its backoff) and resends.
    a.finish();
    collector.clock.advance(Duration.ofSeconds(1));
    RawAgentStream again = new RawAgentStream(channel).send(RawAgentStream.hello("a", 1));
    assertThat(again.next().getWelcome().getHighestStoredSeq()).isEqualTo(1);
    again.send(2, SampleResults.cpu("r3", "int", 1e9, 1000));
    assertThat(again.next().getAck().getSeq()).isEqualTo(2);
    assertThat(collector.sample("guestbench_collector_batches_total{result=\"rate_limited\""))
        .isEqualTo(1);
  }

  private long chargedByOneComputeResult() throws Exception {
    InProcessCollector probe = collector(IngestLimits.defaults(), SeriesLimits.DEFAULT);
    RawAgentStream s = new RawAgentStream(channel(probe)).send(RawAgentStream.hello("x", 1));
    s.next();
    s.send(1, SampleResults.cpu("r1", "int", 1e9, 1000));
    assertThat(s.next().hasAck()).isTrue();
    assertThat(probe.metrics.seriesCharged())
        .as("charges cover what was created")
        .isGreaterThanOrEqualTo(probe.metrics.seriesCount() - 2);
    return probe.metrics.seriesCharged();
  }

  private InProcessCollector collector(IngestLimits limits, SeriesLimits series) throws Exception {
    return new InProcessCollector(InProcessServerNames.unique(), grpc, limits, series).start();
  }

  private ManagedChannel channel(InProcessCollector collector) {
    return grpc.register(InProcessChannelBuilder.forName(collector.name()).build());
  }
}
