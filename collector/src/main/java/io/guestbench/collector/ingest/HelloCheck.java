package io.guestbench.collector.ingest;

import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.Hello;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates a Hello and derives the agent's series labels and info facts from it. */
final class HelloCheck {
  /** Revision 2 added the plain HdrHistogram encoding; revision 1 agents send compressed ones. */
  static final int PROTOCOL_VERSION = 2;

  static final int OLDEST_PROTOCOL_VERSION = 1;
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private HelloCheck() {}

  /** Why the Hello is unacceptable, or empty when it is fine. */
  static Optional<String> problem(Hello hello) {
    if (!AGENT_ID.matcher(hello.getAgentId()).matches()) {
      return Optional.of("agent_id must be 1-64 characters of [A-Za-z0-9._-]");
    }
    if (hello.getEpoch() == 0) {
      return Optional.of("epoch must be positive");
    }
    if (hello.getProtocolVersion() < OLDEST_PROTOCOL_VERSION
        || hello.getProtocolVersion() > PROTOCOL_VERSION) {
      return Optional.of(
          "protocol_version "
              + Integer.toUnsignedString(hello.getProtocolVersion())
              + " (expected "
              + OLDEST_PROTOCOL_VERSION
              + " to "
              + PROTOCOL_VERSION
              + ")");
    }
    if (hello.getLabelsCount() > 16 || hello.getFacts().getFactsCount() > 64) {
      return Optional.of("too many labels (max 16) or facts (max 64)");
    }
    return firstBad(hello.getLabelsMap(), 128)
        .or(() -> firstBad(hello.getFacts().getFactsMap(), 256));
  }

  private static Optional<String> firstBad(Map<String, String> map, int maxValue) {
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!KEY.matcher(e.getKey()).matches()) {
        return Optional.of("bad label or fact name '" + truncate(e.getKey()) + "'");
      }
      if (e.getValue().length() > maxValue) {
        return Optional.of(e.getKey() + " longer than " + maxValue + " characters");
      }
    }
    return Optional.empty();
  }

  /**
   * The labels on every series of this agent. A declared {@code virt_type} label wins over the
   * detected one (the operator may know better); both stay visible in the info facts.
   */
  static AgentLabels labels(Hello hello) {
    Map<String, String> labels = hello.getLabelsMap();
    Map<String, String> facts = hello.getFacts().getFactsMap();
    String detected =
        hello.getFacts().getVirtType().isEmpty() ? "unknown" : hello.getFacts().getVirtType();
    return new AgentLabels(
        hello.getAgentId(),
        labels.getOrDefault("virt_type", detected),
        labels.getOrDefault("instance_type", facts.getOrDefault("instance_type", "")),
        labels.getOrDefault("experiment", ""));
  }

  /** Facts for the agent's info series, including both detected and declared guest types. */
  static Map<String, String> infoFacts(Hello hello) {
    Map<String, String> info = new LinkedHashMap<>(hello.getFacts().getFactsMap());
    String detected = hello.getFacts().getVirtType();
    String declared = hello.getLabelsOrDefault("virt_type", "");
    info.put("agent_version", hello.getAgentVersion());
    info.put("detected_virt_type", detected);
    info.put("declared_virt_type", declared);
    info.put("virt_type_mismatch", String.valueOf(disagree(declared, detected)));
    return info;
  }

  /** Both known and different: the operator's declaration contradicts the evidence. */
  static boolean disagree(String declared, String detected) {
    boolean known = !declared.isEmpty() && !detected.isEmpty() && !detected.equals("unknown");
    return known && !declared.equals(detected);
  }

  private static String truncate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
