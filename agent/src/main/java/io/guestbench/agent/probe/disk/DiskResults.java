package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a job's outcome into the probe result the agent streams. */
final class DiskResults {
  private DiskResults() {}

  static ProbeResult of(Probe probe, ProbeRun run, DiskJob job, JobOutcome outcome, long now) {
    return switch (outcome) {
      case JobOutcome.Completed c -> completed(probe, run, c.report());
      case JobOutcome.Refused r ->
          notRun(probe, run, job, RunStatus.RUN_STATUS_ERROR, r.message(), now);
      case JobOutcome.Failed f ->
          notRun(probe, run, job, RunStatus.RUN_STATUS_ERROR, f.message(), now);
      case JobOutcome.Unsupported u ->
          notRun(probe, run, job, RunStatus.RUN_STATUS_SKIPPED, u.message(), now);
    };
  }

  /** A result for a run that never measured; steal is unknown. */
  static ProbeResult notRun(
      Probe probe, ProbeRun run, DiskJob job, RunStatus status, String message, long now) {
    Map<String, String> params = job == null ? Map.of() : ResultParams.of(job, Optional.empty());
    return started(probe, run)
        .putAllParams(params)
        .setStartTimeUnixNano(now)
        .setEndTimeUnixNano(now)
        .setStatus(status)
        .setStatusMessage(message)
        .setStealRatio(-1)
        .build();
  }

  private static ProbeResult completed(Probe probe, ProbeRun run, JobReport r) {
    ProbeResult.Builder b =
        started(probe, run)
            .putAllParams(ResultParams.of(r.job(), Optional.of(r.target())))
            .setStartTimeUnixNano(r.startWallNanos())
            .setEndTimeUnixNano(r.startWallNanos() + r.measuredNanos())
            .setStealRatio(r.stealRatio());
    if (r.errors().count() > 0) {
      return b.setStatus(RunStatus.RUN_STATUS_ERROR).setStatusMessage(errorMessage(r)).build();
    }
    if (r.job().rw().reads()) {
      values(b, "read", r.read(), r);
    }
    if (r.job().rw().writes()) {
      values(b, "write", r.write(), r);
    }
    if (r.job().sync().enabled()) {
      b.addDistributions(r.sync());
    }
    return b.setStatus(RunStatus.RUN_STATUS_OK).build();
  }

  private static void values(
      ProbeResult.Builder b, String side, JobReport.Direction d, JobReport r) {
    long nanos = r.measuredNanos();
    b.addScalars(scalar(side + "_ops_per_second", d.iops(nanos)))
        .addScalars(scalar(side + "_bytes_per_second", d.bytesPerSecond(nanos)))
        .addScalars(
            scalar(
                side + "_min_interval_ops_per_second",
                minIntervalIops(r.intervals(), side.equals("read"))))
        .addDistributions(d.clat());
  }

  /**
   * The slowest interval's IOPS; a last interval shorter than half the others is left out, since
   * its few requests say little.
   */
  static double minIntervalIops(List<IntervalFigures> intervals, boolean read) {
    List<IntervalFigures> full = intervals.stream().filter(i -> i.nanos() >= 500_000_000L).toList();
    return (full.isEmpty() ? intervals : full)
        .stream().mapToDouble(i -> i.iops(read)).min().orElse(0);
  }

  static String errorMessage(JobReport r) {
    long n = r.errors().count();
    return n + (n == 1 ? " error" : " errors") + " stopped the job; first: " + r.errors().first();
  }

  private static Scalar scalar(String name, double value) {
    return Scalar.newBuilder().setName(name).setValue(value).build();
  }

  private static ProbeResult.Builder started(Probe probe, ProbeRun run) {
    return ProbeResult.newBuilder()
        .setRunId(run.runId())
        .setKind(probe.kind())
        .setName(probe.name())
        .setProbeVersion(probe.version());
  }
}
