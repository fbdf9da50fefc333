package io.guestbench.collector.compare;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is known of one probe run besides its values: where it ran and how disturbed it was.
 *
 * @param agentId the agent (one instance) that ran it
 * @param start when the run started
 * @param instanceType the EC2 instance type, for example {@code m3.medium}
 * @param zone the availability zone
 * @param probeVersion the version of the probe code that measured it
 * @param stealRatio the fraction (0..1) of CPU time the hypervisor stole during the run, empty when
 *     not measured
 * @param labels the agent's other labels, such as {@code virt_type}, {@code ami} or {@code kernel}
 */
public record Run(
    String agentId,
    Instant start,
    String instanceType,
    String zone,
    String probeVersion,
    OptionalDouble stealRatio,
    Map<String, String> labels) {
  public Run {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(instanceType, "instanceType");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(probeVersion, "probeVersion");
    Objects.requireNonNull(stealRatio, "stealRatio");
    labels = Map.copyOf(labels);
  }

  /** The value of a label: one of the named fields (agent_id, instance_type, ...) or a label. */
  public Optional<String> label(String name) {
    return switch (name) {
      case "agent_id" -> Optional.of(agentId);
      case "instance_type" -> Optional.of(instanceType);
      case "zone" -> Optional.of(zone);
      case "probe_version" -> Optional.of(probeVersion);
      default -> Optional.ofNullable(labels.get(name));
    };
  }
}
