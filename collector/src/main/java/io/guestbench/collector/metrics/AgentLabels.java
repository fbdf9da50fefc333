package io.guestbench.collector.metrics;

import java.util.List;
import java.util.Objects;

/**
 * The labels every per-agent series carries, so any result can be grouped by how the agent's guest
 * was built. An empty string means unknown; values are cut to 128 characters.
 *
 * @param agentId the agent's stable identity, label {@code agent_id}
 * @param virtType the detected virtualization type, label {@code virt_type}
 * @param instanceType the cloud instance type, label {@code instance_type}
 * @param experiment the operator's experiment name, label {@code experiment}
 */
public record AgentLabels(String agentId, String virtType, String instanceType, String experiment) {
  /** The label names, in the order of {@link #values()}. */
  static final List<String> NAMES = List.of("agent_id", "virt_type", "instance_type", "experiment");

  public AgentLabels {
    agentId = LabelValues.bounded(Objects.requireNonNull(agentId, "agentId"));
    virtType = LabelValues.bounded(Objects.requireNonNull(virtType, "virtType"));
    instanceType = LabelValues.bounded(Objects.requireNonNull(instanceType, "instanceType"));
    experiment = LabelValues.bounded(Objects.requireNonNull(experiment, "experiment"));
  }

  /** The label values, in the order of {@link #NAMES}. */
  List<String> values() {
    return List.of(agentId, virtType, instanceType, experiment);
  }
}
