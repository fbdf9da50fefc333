package io.guestbench.agent.probe;

import java.util.Map;
import java.util.Objects;

/**
 * A probe configuration as a plan or a command names it.
 *
 * @param probe {@code <family>.<name>}, for example {@code cpu.compute}
 * @param params the probe's parameters; the probe checks them
 */
public record ProbeSpec(String probe, Map<String, String> params) {
  public ProbeSpec {
    Objects.requireNonNull(probe, "probe");
    params = Map.copyOf(params);
  }
}
