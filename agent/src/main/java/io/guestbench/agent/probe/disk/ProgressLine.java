package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.ProbeRun;

/** The line a running job reports after each interval: time, IOPS and p99 per direction. */
final class ProgressLine {
  private final DiskJob job;
  private final ProbeRun.Progress progress;

  ProgressLine(DiskJob job, ProbeRun.Progress progress) {
    this.job = job;
    this.progress = progress;
  }

  void report(IntervalFigures f, long elapsedNanos) {
    StringBuilder line =
        new StringBuilder()
            .append(job.rw().label())
            .append(": ")
            .append(elapsedNanos / 1_000_000_000L)
            .append(" s of ")
            .append(job.runtime().toSeconds())
            .append(" s");
    if (job.rw().reads()) {
      side(line, "read", f.iops(true), f.read());
    }
    if (job.rw().writes()) {
      side(line, "write", f.iops(false), f.write());
    }
    progress.report(line.toString());
  }

  private void side(StringBuilder line, String what, double iops, IntervalFigures.Side s) {
    line.append(", ")
        .append(Human.count(iops))
        .append(' ')
        .append(what)
        .append(" IOPS ")
        .append(Human.bytes(iops * job.bs()))
        .append("/s p99 ")
        .append(Human.nanos(s.p99()));
  }
}
