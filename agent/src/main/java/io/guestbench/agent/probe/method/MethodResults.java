package io.guestbench.agent.probe.method;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeResults;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.Map;

/** The parts of an ok result every probe measured by {@link Measurer} shares. */
public final class MethodResults {
  private MethodResults() {}

  /**
   * An ok result with the probe's parameters, how the repetitions went, the measured phase's times,
   * its steal and its coefficient of variation; the probe adds its own values.
   */
  public static ProbeResult.Builder ok(
      Probe probe, ProbeRun run, Map<String, String> params, Measurement m) {
    return ProbeResults.started(probe, run)
        .putAllParams(params)
        .putAllParams(m.resultParams())
        .setStartTimeUnixNano(m.startWallNanos())
        .setEndTimeUnixNano(m.endWallNanos())
        .addAllScalars(m.covScalar())
        .setStatus(RunStatus.RUN_STATUS_OK)
        .setStealRatio(m.stealRatio());
  }

  /** A scalar; a negative value (a difference lost in noise) is reported as 0. */
  public static Scalar scalar(String name, double value) {
    return Scalar.newBuilder().setName(name).setValue(Math.max(0, value)).build();
  }

  /** Nanoseconds as seconds, the unit the catalogue's families are in. */
  public static double seconds(double nanos) {
    return nanos / 1e9;
  }
}
