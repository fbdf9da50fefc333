package io.guestbench.agent.host.detect;

import java.util.Objects;
import java.util.Optional;

/**
 * What one rule of the decision table found.
 *
 * @param result the type the rule would decide, or empty when its condition does not hold
 * @param source the files consulted
 * @param observed what they said
 */
record Check(Optional<VirtType> result, String source, String observed) {
  Check {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(observed, "observed");
  }

  static Check when(boolean holds, VirtType type, String source, String observed) {
    return new Check(holds ? Optional.of(type) : Optional.empty(), source, observed);
  }
}
