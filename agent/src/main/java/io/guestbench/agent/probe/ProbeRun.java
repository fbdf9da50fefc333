package io.guestbench.agent.probe;

import java.util.Map;
import java.util.Objects;

/**
 * One requested run: which configuration, under which id, and where to report progress.
 *
 * @param runId unique per agent, copied into the result
 * @param params checked parameters, see {@link Probe#check}
 * @param progress receives human-readable progress lines; may ignore them
 */
public record ProbeRun(String runId, Map<String, String> params, Progress progress) {
  public ProbeRun {
    Objects.requireNonNull(runId, "runId");
    params = Map.copyOf(params);
    Objects.requireNonNull(progress, "progress");
  }

  /** Where a long probe says how far it got. */
  @FunctionalInterface
  public interface Progress {
    void report(String line);

    /** Discards progress. */
    Progress NONE = line -> {};
  }
}
