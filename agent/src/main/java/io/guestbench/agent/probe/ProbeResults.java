package io.guestbench.agent.probe;

import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.Map;

/**
 * The parts of a result every run of a probe shares, and the results of runs that measured nothing.
 */
public final class ProbeResults {
  private ProbeResults() {}

  /** A result builder with the run id and the probe's identity filled in. */
  public static ProbeResult.Builder started(Probe probe, ProbeRun run) {
    return ProbeResult.newBuilder()
        .setRunId(run.runId())
        .setKind(probe.kind())
        .setName(probe.name())
        .setProbeVersion(probe.version());
  }

  /** An error result; steal is unknown because nothing valid was measured. */
  public static ProbeResult failed(
      Probe probe, ProbeRun run, Map<String, String> params, String message) {
    return ended(probe, run, params, RunStatus.RUN_STATUS_ERROR, message);
  }

  /**
   * A run this machine cannot do (unsupported kernel or architecture, a missing tool, native access
   * denied): counted as skipped, with the reason, rather than as a failure of the probe.
   */
  public static ProbeResult skipped(
      Probe probe, ProbeRun run, Map<String, String> params, String reason) {
    return ended(probe, run, params, RunStatus.RUN_STATUS_SKIPPED, reason);
  }

  private static ProbeResult ended(
      Probe probe, ProbeRun run, Map<String, String> params, RunStatus status, String message) {
    return started(probe, run)
        .putAllParams(params)
        .setStatus(status)
        .setStatusMessage(message)
        .setStealRatio(-1)
        .build();
  }
}
