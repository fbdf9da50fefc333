package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.NetResults.rr;
import static io.guestbench.collector.metrics.NetResults.stream;
import static io.guestbench.collector.metrics.NetResults.udp;

import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** A PV and an HVM agent testing each other's network: the net golden files' input. */
final class NetScenario {
  private NetScenario() {}

  static ResultMetrics record(PrometheusRegistry registry) {
    ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(TestResults.START));
    AgentLabels pv = Scenario.PV;
    AgentLabels hvm = Scenario.HVM;
    // Per-interval throughput of about 1 Gbit/s; 1e8 sits on a bucket bound.
    metrics.record(pv, stream("send", 1.18e8, 118_000_000, 119_000_000, 100_000_000).build());
    metrics.record(hvm, stream("send", 1.24e8, 124_000_000, 125_000_000).build());
    // The same round-trip family for three modes; 25 us and 100 us sit on bucket bounds.
    metrics.record(pv, rr("rr", "tcp_rr", 19_000, 48_000, 52_000, 100_000).build());
    metrics.record(hvm, rr("rr", "tcp_rr", 41_000, 23_000, 25_000, 31_000).build());
    metrics.record(hvm, rr("rr", "udp_rr", 45_000, 21_000, 22_000).build());
    metrics.record(hvm, rr("crr", "tcp_crr", 9_000, 98_000, 120_000).build());
    metrics.record(pv, udp(0.0125, 38_500).build());
    return metrics;
  }
}
