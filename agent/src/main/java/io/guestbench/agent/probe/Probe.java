package io.guestbench.agent.probe;

import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.Map;

/**
 * One probe: a measurement the agent can run in-guest. Implementations are stateless between runs;
 * everything a run needs arrives in its {@link ProbeRun}.
 */
public interface Probe {

  /** The family, for example {@link ProbeKind#PROBE_KIND_CPU}. */
  ProbeKind kind();

  /** The probe within its family, for example {@code compute}; with the family it is unique. */
  String name();

  /** Version of the method; results of different versions are never compared. */
  String version();

  /**
   * Problems with {@code params}, each in the form {@code key: value (expected: ...)}; empty when
   * the parameters are fine. Unknown keys are problems.
   */
  List<String> check(Map<String, String> params);

  /**
   * Runs once with already checked parameters and returns what the machine did. A failure the probe
   * understands is a result with an error status, not an exception.
   */
  ProbeResult run(ProbeRun run) throws InterruptedException;
}
