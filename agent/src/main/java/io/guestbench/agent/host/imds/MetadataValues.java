package io.guestbench.agent.host.imds;

import java.util.Optional;

/** Checks metadata answers before they become facts or headers: short, one line, printable. */
final class MetadataValues {
  static final int MAX_LENGTH = 256;

  private MetadataValues() {}

  /** Why the trimmed answer cannot be used, or empty when it can. */
  static Optional<String> problem(String trimmed) {
    if (trimmed.isEmpty()) {
      return Optional.of("empty answer");
    }
    if (trimmed.length() > MAX_LENGTH) {
      return Optional.of(
          "answer of " + trimmed.length() + " characters rejected (max " + MAX_LENGTH + ")");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return Optional.of(
            String.format(
                "answer rejected: not printable ASCII (U+%04X at position %d)", (int) c, i));
      }
    }
    return Optional.empty();
  }
}
