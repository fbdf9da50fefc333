package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static io.guestbench.collector.metrics.TestResults.failedCompute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultMetricsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ManualClock clock = new ManualClock(TestResults.START);
  private final ResultMetrics metrics = new ResultMetrics(registry, clock);
  private final AgentLabels agent = new AgentLabels("a1", "xen-hvm", "m5.large", "exp");

  @Test
  void countsEveryRunByStatusAndKeepsTheLastOkRunsValues() {
    metrics.record(agent, compute("int", 100, 2_000_000).setStealRatio(0.25).build());
    metrics.record(agent, compute("int", 200, 2_000_000).setStealRatio(-1).build());
    metrics.record(agent, failedCompute(RunStatus.RUN_STATUS_ERROR).build());

    assertThat(counter("guestbench_probe_runs", Map.of("status", "ok"))).isEqualTo(2);
    assertThat(counter("guestbench_probe_runs", Map.of("status", "error"))).isEqualTo(1);
    assertThat(counter("guestbench_probe_runs", Map.of("status", "timeout"))).isZero();
    assertThat(counter("guestbench_probe_runs", Map.of("probe", "cpu.compute"))).isEqualTo(3);
    assertThat(gauge("guestbench_cpu_compute_ops_per_second", Map.of("kernel", "int")))
        .isEqualTo(200);
    assertThat(gauge("guestbench_probe_steal_ratio", Map.of("probe", "cpu.compute")))
        .isEqualTo(0.25);
    assertThat(gauge("guestbench_probe_last_run_end_timestamp_seconds", Map.of()))
        .isEqualTo((TestResults.START + 2_000_000) / 1e9);
  }

  @Test
  void eachSetOfLabelValuesKeepsItsOwnSeriesAndEveryStatusTheProbesCounters() {
    // Interleaved, as an agent's batches are: each set of label values finds its series again.
    for (int i = 1; i <= 3; i++) {
      metrics.record(agent, compute("int", 100 * i, 2_000_000).build());
      metrics.record(agent, compute("fp", 10 * i, 3_000_000).build());
      metrics.record(agent, failedCompute(RunStatus.RUN_STATUS_TIMEOUT).build());
    }
    AgentLabels moved = new AgentLabels("a1", "xen-pv", "m5.large", "exp");
    metrics.record(moved, compute("int", 7, 2_000_000).build());

    assertThat(
            gauge(
                "guestbench_cpu_compute_ops_per_second",
                Map.of("kernel", "int", "virt_type", "xen-hvm")))
        .isEqualTo(300);
    assertThat(gauge("guestbench_cpu_compute_ops_per_second", Map.of("kernel", "fp")))
        .isEqualTo(30);
    assertThat(
            gauge(
                "guestbench_cpu_compute_ops_per_second",
                Map.of("kernel", "int", "virt_type", "xen-pv")))
        .isEqualTo(7);
    assertThat(counter("guestbench_probe_runs", Map.of("status", "ok", "virt_type", "xen-hvm")))
        .isEqualTo(6);
    assertThat(counter("guestbench_probe_runs", Map.of("status", "timeout"))).isEqualTo(3);
    assertThat(counter("guestbench_probe_runs", Map.of("virt_type", "xen-pv"))).isEqualTo(1);
  }

  @Test
  void recordRefusesAnUncheckedResultWithoutChangingAnything() {
    metrics.record(agent, compute("int", 100, 2_000_000).build());
    long before = metrics.seriesCount();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> metrics.record(agent, compute("avx", 1).removeParams("kernel").build()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> metrics.record(agent, compute("int", 1).setName("nope").build()));
    assertThat(metrics.seriesCount()).isEqualTo(before);
    assertThat(counter("guestbench_probe_runs", Map.of("status", "ok"))).isEqualTo(1);
  }

  @Test
  void agentInfoCarriesAFixedSetOfFacts() {
    metrics.agentConnected(
        agent,
        Map.of("clocksource", "xen", "cpu_model", "é".repeat(200), "secret_key", "never shown"));
    InfoDataPointSnapshot info =
        (InfoDataPointSnapshot) Scrapes.points(registry, "guestbench_agent", Map.of()).getFirst();
    assertThat(info.getLabels().get("clocksource")).isEqualTo("xen");
    assertThat(info.getLabels().get("cpu_model")).isEqualTo("é".repeat(128));
    assertThat(info.getLabels().get("region")).isEmpty();
    assertThat(info.getLabels().get("agent_id")).isEqualTo("a1");
    assertThat(info.getLabels().size()).isEqualTo(4 + 17);
    assertThat(gauge("guestbench_agent_connected", Map.of())).isEqualTo(1);
  }

  @Test
  void removesAllSeriesOfAnAgentGoneLongerThanTheTtl() {
    AgentLabels other = new AgentLabels("a2", "xen-pv", "m5.large", "exp");
    metrics.agentConnected(agent, Map.of());
    metrics.agentConnected(other, Map.of());
    metrics.record(agent, compute("int", 100, 2_000_000).build());
    metrics.record(other, compute("fp", 100, 2_000_000).build());
    long both = metrics.seriesCount();

    metrics.agentDisconnected("a1");
    assertThat(gauge("guestbench_agent_connected", Map.of("agent_id", "a1"))).isZero();
    clock.advance(java.time.Duration.ofMinutes(10));
    assertThat(metrics.removeDepartedAgents(java.time.Duration.ofMinutes(10))).isZero();
    clock.advance(java.time.Duration.ofNanos(1));
    assertThat(metrics.removeDepartedAgents(java.time.Duration.ofMinutes(10))).isEqualTo(1);

    assertThat(metrics.seriesCount()).isEqualTo(both / 2);
    for (var snapshot : registry.scrape()) {
      assertThat(snapshot.getDataPoints())
          .allSatisfy(p -> assertThat(p.getLabels().get("agent_id")).isEqualTo("a2"));
    }
  }

  @Test
  void labelsAdmittedBeforeAnAgentsSeriesWereRemovedAreChargedAndRecordedAfresh() {
    metrics.agentConnected(agent, Map.of());
    admitAndRecord(compute("int", 100, 2_000_000).build());
    admitAndRecord(compute("int", 150, 2_000_000).build());
    long charged = metrics.seriesCharged();
    assertThat(charged).isPositive();
    metrics.agentDisconnected("a1");
    clock.advance(java.time.Duration.ofMinutes(11));
    assertThat(metrics.removeDepartedAgents(java.time.Duration.ofMinutes(10))).isEqualTo(1);
    assertThat(metrics.seriesCharged()).isZero();

    metrics.agentConnected(agent, Map.of());
    admitAndRecord(compute("int", 200, 2_000_000).build());

    assertThat(metrics.seriesCharged()).isEqualTo(charged);
    assertThat(counter("guestbench_probe_runs", Map.of("status", "ok"))).isEqualTo(1);
    assertThat(gauge("guestbench_cpu_compute_ops_per_second", Map.of())).isEqualTo(200);
  }

  private void admitAndRecord(io.guestbench.proto.v1.ProbeResult r) {
    ResultMetrics.Checked checked = metrics.checkToRecord(r);
    assertThat(metrics.admit(agent, checked)).isEmpty();
    CheckedBatch batch = new CheckedBatch();
    batch.accept(checked, r.toByteString());
    metrics.record(agent, batch);
  }

  @Test
  void aReconnectCancelsTheRemoval() {
    metrics.agentConnected(agent, Map.of());
    metrics.record(agent, compute("int", 100, 2_000_000).build());
    metrics.agentDisconnected("a1");
    clock.advance(java.time.Duration.ofMinutes(5));
    metrics.agentConnected(agent, Map.of("region", "eu-west-1"));
    clock.advance(java.time.Duration.ofHours(1));

    assertThat(metrics.removeDepartedAgents(java.time.Duration.ofMinutes(10))).isZero();
    assertThat(gauge("guestbench_agent_connected", Map.of())).isEqualTo(1);
    assertThat(gauge("guestbench_cpu_compute_ops_per_second", Map.of())).isEqualTo(100);
  }

  @Test
  void registersItsFamiliesSoAClashIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ResultMetrics(registry, clock));
  }

  private double counter(String family, Map<String, String> labels) {
    return Scrapes.points(registry, family, labels).stream()
        .mapToDouble(p -> ((CounterDataPointSnapshot) p).getValue())
        .sum();
  }

  private double gauge(String family, Map<String, String> labels) {
    var points = Scrapes.points(registry, family, labels);
    assertThat(points).hasSize(1);
    return ((GaugeDataPointSnapshot) points.getFirst()).getValue();
  }
}
