package io.guestbench.agent.host.detect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of detection: the guest type, the facts and the evidence for both.
 *
 * @param virtType what the decision table chose
 * @param facts flat facts within the proto's bounds, sorted by key
 * @param evidence the eleven rules in order, exactly one of them decided, then notes on facts
 */
public record Detection(VirtType virtType, Map<String, String> facts, List<Evidence> evidence) {
  public Detection {
    Objects.requireNonNull(virtType, "virtType");
    facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    evidence = List.copyOf(evidence);
    long decided = evidence.stream().filter(Evidence::decided).count();
    if (decided != 1) {
      throw new IllegalArgumentException("evidence: " + decided + " rules decided (expected: 1)");
    }
  }

  /** The rule that chose the type. */
  public Evidence decidedBy() {
    return evidence.stream().filter(Evidence::decided).findFirst().orElseThrow();
  }
}
