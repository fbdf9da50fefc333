package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.NetResults.rr;
import static io.guestbench.collector.metrics.NetResults.stream;
import static io.guestbench.collector.metrics.NetResults.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.metrics.Problem.Reason;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetProbesTest {
  private final ResultChecker checker = new ResultChecker(Catalogue.standard());
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ResultMetrics metrics =
      new ResultMetrics(registry, new ManualClock(TestResults.START));
  private final AgentLabels agent = new AgentLabels("a1", "xen-hvm", "m5.large", "exp");

  @Test
  void theAgentsResultsPass() {
    assertThat(checker.check(stream("both", 1e9, 1_000_000_000).build())).isEmpty();
    assertThat(checker.check(rr("rr", "tcp_rr", 1e4, 50_000).build())).isEmpty();
    assertThat(checker.check(rr("rr", "udp_rr", 1e4, 50_000).build())).isEmpty();
    assertThat(
            checker.check(
                rr("rr", "tcp_rr", 1e4, 50_000)
                    .putParams("loop", "open")
                    .putParams("rate", "5000")
                    .build()))
        .isEmpty();
    assertThat(checker.check(rr("crr", "tcp_crr", 1e4, 50_000).build())).isEmpty();
    assertThat(checker.check(udp(0.01, 1000).build())).isEmpty();
    ProbeResult failed =
        ProbeResult.newBuilder()
            .setKind(ProbeKind.PROBE_KIND_NET)
            .setName("stream")
            .putParams("peer", "[fd00::1]:7071")
            .setStatus(RunStatus.RUN_STATUS_ERROR)
            .setStatusMessage("10.0.0.9:7071 is busy")
            .setStealRatio(-1)
            .build();
    assertThat(checker.check(failed)).isEmpty();
  }

  @Test
  void modesBelongToTheirProbe() {
    assertThat(reasons(rr("crr", "tcp_rr", 1, 1))).containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(rr("rr", "tcp_crr", 1, 1))).containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(stream("sideways", 1, 1))).containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(stream("send", 1, 1).putParams("streams", "65")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(stream("send", 1, 1).putParams("peer", "a b")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(stream("send", 1, 1).putParams("secret_file", "/etc/x")))
        .containsExactly(Reason.UNKNOWN_PARAM);
    assertThat(reasons(udp(0, 0).addScalars(NetResults.scalar("rtt_nanos", 1))))
        .containsExactly(Reason.UNKNOWN_VALUE);
  }

  @Test
  void rrAndCrrShareTheRoundTripFamilyByMode() {
    metrics.record(agent, rr("rr", "tcp_rr", 2e4, 50_000).build());
    metrics.record(agent, rr("crr", "tcp_crr", 5e3, 200_000).build());
    var points = Scrapes.points(registry, "guestbench_net_rtt_seconds", Map.of());
    assertThat(points)
        .map(p -> p.getLabels().get("mode"))
        .containsExactlyInAnyOrder("tcp_rr", "tcp_crr");
    var crr =
        (HistogramDataPointSnapshot)
            Scrapes.points(registry, "guestbench_net_rtt_seconds", Map.of("mode", "tcp_crr"))
                .getFirst();
    assertThat(crr.getSum()).isEqualTo(200e-6);
    assertThat(gauge("guestbench_net_transactions_per_second", Map.of("mode", "tcp_rr")))
        .isEqualTo(2e4);
  }

  @Test
  void jitterIsExposedInSeconds() {
    metrics.record(agent, udp(0.5, 38_500).build());
    assertThat(gauge("guestbench_net_udp_jitter_seconds", Map.of())).isEqualTo(38.5e-6);
    assertThat(gauge("guestbench_net_udp_loss_ratio", Map.of("bitrate", "100000000")))
        .isEqualTo(0.5);
  }

  private List<Reason> reasons(ProbeResult.Builder r) {
    return checker.check(r.build()).stream().map(Problem::reason).toList();
  }

  private double gauge(String family, Map<String, String> labels) {
    return ((GaugeDataPointSnapshot) Scrapes.points(registry, family, labels).getFirst())
        .getValue();
  }
}
