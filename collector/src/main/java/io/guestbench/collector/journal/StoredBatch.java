package io.guestbench.collector.journal;

import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.ProbeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One batch as the journal keeps it: whose, which seq, when it was stored, the agent's series
 * labels, how the agent described itself and the accepted results.
 *
 * @param storedTimeUnixNano collector wall time when the batch was appended
 * @param agent the agent's Hello as of this batch's stream; {@link AgentDescription#UNKNOWN} in
 *     journals written before agent records existed
 */
public record StoredBatch(
    AgentKey key,
    long seq,
    long storedTimeUnixNano,
    AgentLabels labels,
    AgentDescription agent,
    List<ProbeResult> results) {
  public StoredBatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(agent, "agent");
    results = List.copyOf(results);
  }

  public StoredBatch(
      AgentKey key,
      long seq,
      long storedTimeUnixNano,
      AgentLabels labels,
      List<ProbeResult> results) {
    this(key, seq, storedTimeUnixNano, labels, AgentDescription.UNKNOWN, results);
  }

  /**
   * Every label this batch can be grouped by, one map: the agent's host facts ({@code
   * availability_zone}, {@code clocksource}, ...), then {@code agent_version} and {@code
   * detected_virt_type}, then the operator's labels, then the series labels {@code agent_id},
   * {@code virt_type}, {@code instance_type} and {@code experiment}; a later source wins where a
   * name repeats, and empty values are left out.
   */
  public Map<String, String> groupLabels() {
    Map<String, String> out = new LinkedHashMap<>(agent.facts());
    out.put("agent_version", agent.agentVersion());
    out.put("detected_virt_type", agent.detectedVirtType());
    out.putAll(agent.labels());
    out.put("agent_id", labels.agentId());
    out.put("virt_type", labels.virtType());
    out.put("instance_type", labels.instanceType());
    out.put("experiment", labels.experiment());
    out.values().removeIf(String::isEmpty);
    return out;
  }
}
