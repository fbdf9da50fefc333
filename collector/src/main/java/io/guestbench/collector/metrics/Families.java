package io.guestbench.collector.metrics;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** The families every probe and every agent has, whatever the catalogue holds. */
final class Families {
  /** Facts copied from the agent's host facts into {@link #AGENT_INFO}, in label order. */
  static final List<String> INFO_FACTS =
      List.of(
          "detected_virt_type",
          "declared_virt_type",
          "virt_type_mismatch",
          "agent_version",
          "clocksource",
          // The agent's timer check: whether System.nanoTime() looks like a system call here.
          "timer_syscall_fallback",
          "kernel_release",
          "cpu_model",
          "xen_pv_drivers",
          "sriov",
          "nvme",
          "container",
          "instance_id",
          "ami_id",
          "kernel_id",
          "availability_zone",
          "region");

  private static final List<String> PER_PROBE = with(AgentLabels.NAMES, "probe");

  static final Family RUNS =
      new Family(
          "guestbench_probe_runs_total",
          MetricType.COUNTER,
          "Probe runs the agent reported, by how each ended: ok, error (failed), timeout (hit its"
              + " time bound) or skipped (not runnable on this machine).",
          null,
          with(PER_PROBE, "status"));

  static final Family STEAL =
      new Family(
          "guestbench_probe_steal_ratio",
          MetricType.GAUGE,
          "Fraction (0..1) of CPU time the hypervisor stole during the last run of the probe,"
              + " from /proc/stat read before and after the measured phase; absent until a run"
              + " could read it.",
          Unit.RATIO,
          PER_PROBE);

  static final Family LAST_RUN_END =
      new Family(
          "guestbench_probe_last_run_end_timestamp_seconds",
          MetricType.GAUGE,
          "When the measured phase of the last run of the probe ended, Unix time by the agent's"
              + " clock.",
          Unit.SECONDS,
          PER_PROBE);

  static final Family AGENT_CONNECTED =
      new Family(
          "guestbench_agent_connected",
          MetricType.GAUGE,
          "1 while the agent has a stream open to this collector, 0 once it has gone; the agent's"
              + " series are removed some time after it has gone.",
          null,
          AgentLabels.NAMES);

  static final Family AGENT_INFO =
      new Family(
          "guestbench_agent_info",
          MetricType.INFO,
          "Facts the agent reported about itself and its machine when it connected, as labels"
              + " (value always 1), for joins on agent_id with group_left.",
          null,
          Stream.concat(AgentLabels.NAMES.stream(), INFO_FACTS.stream()).toList());

  static final Family AGENT_PRODUCED =
      agentGauge(
          "guestbench_agent_produced_results",
          "Results the agent process has produced since it started, from its last heartbeat. Per"
              + " agent: produced + recovered = acknowledged + dropped + rejected + buffered.");

  static final Family AGENT_RECOVERED =
      agentGauge(
          "guestbench_agent_recovered_results",
          "Results the agent process found unacknowledged in its spool at start (an earlier"
              + " process produced them), from its last heartbeat.");

  static final Family AGENT_ACKNOWLEDGED =
      agentGauge(
          "guestbench_agent_acknowledged_results",
          "Results the collector acknowledged to the agent process, from its last heartbeat.");

  static final Family AGENT_BUFFERED =
      agentGauge(
          "guestbench_agent_buffered_results",
          "Results the agent holds, not yet acknowledged (spooled or in flight), from its last"
              + " heartbeat.");

  static final Family AGENT_BUFFERED_BYTES =
      new Family(
          "guestbench_agent_buffered_bytes",
          MetricType.GAUGE,
          "Bytes of batches the agent holds, not yet acknowledged, from its last heartbeat.",
          Unit.BYTES,
          AgentLabels.NAMES);

  static final Family AGENT_SPOOL_DEGRADED =
      agentGauge(
          "guestbench_agent_spool_degraded",
          "1 while the agent's spool cannot write to disk and holds batches in bounded memory, from"
              + " its last heartbeat.");

  static final Family AGENT_DROPPED =
      agentReasonGauge(
          "guestbench_agent_dropped_results",
          "Results the agent process dropped, by reason (caps, memory full, corrupt), from its last"
              + " heartbeat; reasons cut to a bounded set (others as \"other\").");

  static final Family AGENT_REJECTED =
      agentReasonGauge(
          "guestbench_agent_rejected_results",
          "Results the collector refused for good, as the agent process counted them by reason,"
              + " from its last heartbeat; reasons cut to a bounded set (others as \"other\").");

  private static Family agentGauge(String name, String help) {
    return new Family(name, MetricType.GAUGE, help, null, AgentLabels.NAMES);
  }

  private static Family agentReasonGauge(String name, String help) {
    return new Family(name, MetricType.GAUGE, help, null, with(AgentLabels.NAMES, "reason"));
  }

  /** Every family here, in no particular order. */
  static final List<Family> ALL =
      List.of(
          RUNS,
          STEAL,
          LAST_RUN_END,
          AGENT_CONNECTED,
          AGENT_INFO,
          AGENT_PRODUCED,
          AGENT_RECOVERED,
          AGENT_ACKNOWLEDGED,
          AGENT_BUFFERED,
          AGENT_BUFFERED_BYTES,
          AGENT_SPOOL_DEGRADED,
          AGENT_DROPPED,
          AGENT_REJECTED);

  private Families() {}

  /** {@code names} followed by {@code more}. */
  static List<String> with(List<String> names, String... more) {
    String[] all = names.toArray(new String[names.size() + more.length]);
    System.arraycopy(more, 0, all, names.size(), more.length);
    return Collections.unmodifiableList(Arrays.asList(all));
  }
}
