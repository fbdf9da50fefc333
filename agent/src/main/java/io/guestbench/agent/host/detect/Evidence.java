package io.guestbench.agent.host.detect;

import java.util.Objects;

/**
 * One step of the guest-type decision, or a note on a fact: which source was consulted and what it
 * said. Exactly one entry of a detection has {@code decided} set: the rule that chose the type.
 *
 * @param rule a stable name such as {@code guest_type_hvm} or {@code fact_memory_bytes}
 * @param source the files or directories consulted, comma-separated
 * @param observed what they said, or why they could not be read; one line, at most 256 characters
 * @param decided whether this rule chose the virtualization type
 */
public record Evidence(String rule, String source, String observed, boolean decided) {
  public Evidence {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(observed, "observed");
    if (!rule.matches("[a-z][a-z0-9_]{0,63}")) {
      throw new IllegalArgumentException("rule: " + rule + " (expected: [a-z][a-z0-9_]{0,63})");
    }
    observed = Text.line(observed);
  }

  /** The proto form carried in {@code Hello}. */
  public io.guestbench.proto.v1.Evidence toProto() {
    return io.guestbench.proto.v1.Evidence.newBuilder()
        .setRule(rule)
        .setSource(source)
        .setObserved(observed)
        .setDecided(decided)
        .build();
  }
}
