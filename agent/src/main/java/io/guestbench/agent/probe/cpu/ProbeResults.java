package io.guestbench.agent.probe.cpu;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.Map;

/** The parts of a result every run of a probe shares. */
final class ProbeResults {
  private ProbeResults() {}

  /** A result builder with the run id and the probe's identity filled in. */
  static ProbeResult.Builder started(Probe probe, ProbeRun run) {
    return ProbeResult.newBuilder()
        .setRunId(run.runId())
        .setKind(probe.kind())
        .setName(probe.name())
        .setProbeVersion(probe.version());
  }

  /** An error result; steal is unknown because nothing valid was measured. */
  static ProbeResult failed(Probe probe, ProbeRun run, Map<String, String> params, String message) {
    return started(probe, run)
        .putAllParams(params)
        .setStatus(RunStatus.RUN_STATUS_ERROR)
        .setStatusMessage(message)
        .setStealRatio(-1)
        .build();
  }
}
