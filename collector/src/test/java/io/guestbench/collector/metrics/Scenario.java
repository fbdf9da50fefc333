package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static io.guestbench.collector.metrics.TestResults.failedCompute;

import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;

/** Two agents of a PV-against-HVM experiment with a few runs each: the golden files' input. */
final class Scenario {
  static final AgentLabels PV = new AgentLabels("pv-1", "xen-pv", "m3.medium", "pv-vs-hvm");
  static final AgentLabels HVM = new AgentLabels("hvm-1", "xen-hvm", "m3.medium", "pv-vs-hvm");

  private Scenario() {}

  static ResultMetrics record(PrometheusRegistry registry) {
    ResultMetrics metrics = new ResultMetrics(registry, new ManualClock(TestResults.START));
    metrics.agentConnected(PV, facts("paravirtual", "xen", "4.14.355-275.570.amzn2.x86_64"));
    metrics.agentConnected(HVM, facts("hvm", "tsc", "6.1.132-147.221.amzn2023.x86_64"));
    // 2,000,000 operations per iteration; the 1 ms and 10 ms iterations sit on bucket bounds.
    metrics.record(
        PV,
        compute("int", 4.44e8, 4_400_000, 4_450_000, 4_500_000, 10_000_000)
            .setStealRatio(0.031)
            .build());
    metrics.record(
        PV, compute("int", 4.48e8, 4_420_000, 4_470_000, 1_000_000).setStealRatio(0.012).build());
    metrics.record(PV, failedCompute(RunStatus.RUN_STATUS_ERROR).build());
    metrics.record(
        HVM, compute("fp", 9.8e8, 2_000_000, 2_050_000, 2_040_000).setStealRatio(0).build());
    metrics.record(HVM, failedCompute(RunStatus.RUN_STATUS_TIMEOUT).build());
    metrics.agentDisconnected(HVM.agentId());
    return metrics;
  }

  private static Map<String, String> facts(String declared, String clocksource, String kernel) {
    return Map.ofEntries(
        Map.entry("declared_virt_type", declared),
        Map.entry("detected_virt_type", declared.equals("hvm") ? "xen-hvm" : "xen-pv"),
        Map.entry("virt_type_mismatch", "false"),
        Map.entry("agent_version", "0.1.0"),
        Map.entry("clocksource", clocksource),
        Map.entry("timer_syscall_fallback", Boolean.toString(clocksource.equals("xen"))),
        Map.entry("kernel_release", kernel),
        Map.entry("cpu_model", "Intel(R) Xeon(R) CPU E5-2670 v2 @ 2.50GHz"),
        Map.entry("ami_id", "ami-0123456789abcdef0"),
        Map.entry("availability_zone", "eu-west-1a"),
        Map.entry("region", "eu-west-1"),
        Map.entry("instance_id", "i-0abc123"),
        Map.entry("sriov", declared.equals("hvm") ? "ixgbevf" : "none"),
        Map.entry("xen_pv_drivers", "true"),
        Map.entry("cpu_flags", "not in the info set"));
  }
}
