package io.guestbench.collector.journal;

import java.util.Map;
import java.util.Objects;

/**
 * An agent as its Hello described it, kept in the journal with its batches: what a comparison can
 * group results by beyond the series labels.
 *
 * @param agentVersion the agent's release, or empty
 * @param detectedVirtType the virtualization type the agent detected (HostFacts.virt_type), or
 *     empty
 * @param facts the agent's host facts: {@code instance_type}, {@code availability_zone}, {@code
 *     clocksource}, {@code kernel_release}...
 * @param labels the operator's labels from the agent's config
 * @param connectedUnixNano when the collector accepted the Hello of the stream the batches came on,
 *     which tells one stream from the next; 0 when not known
 */
public record AgentDescription(
    String agentVersion,
    String detectedVirtType,
    Map<String, String> facts,
    Map<String, String> labels,
    long connectedUnixNano) {
  /** What batches written before agent records existed, or without a Hello seen, carry. */
  public static final AgentDescription UNKNOWN =
      new AgentDescription("", "", Map.of(), Map.of(), 0);

  /** A description whose stream start is not known. */
  public AgentDescription(
      String agentVersion,
      String detectedVirtType,
      Map<String, String> facts,
      Map<String, String> labels) {
    this(agentVersion, detectedVirtType, facts, labels, 0);
  }

  public AgentDescription {
    Objects.requireNonNull(agentVersion, "agentVersion");
    Objects.requireNonNull(detectedVirtType, "detectedVirtType");
    facts = Map.copyOf(facts);
    labels = Map.copyOf(labels);
  }
}
