package io.guestbench.agent.probe.disk;

/** Builds a {@link JobReport} from what the threads measured. */
final class Reports {
  /** The names of the latency distributions, as results and the collector's catalogue use them. */
  static final String READ_LATENCY = "read_latency_nanos";

  static final String WRITE_LATENCY = "write_latency_nanos";
  static final String SYNC_LATENCY = "sync_latency_nanos";

  private Reports() {}

  static JobReport build(
      DiskJob job, TargetKind target, String setup, long startWall, Measurement m) {
    Tally t = m.total();
    return new JobReport(
        job,
        target,
        setup,
        startWall,
        m.measuredNanos(),
        direction(job, t.read, READ_LATENCY),
        direction(job, t.write, WRITE_LATENCY),
        t.sync.toDistribution(SYNC_LATENCY),
        m.intervals(),
        m.stealRatio(),
        m.errors(),
        new JobReport.Depth(t.depths.max(), t.depths.counts()),
        "");
  }

  static JobReport withCleanup(JobReport r, String cleanup) {
    return new JobReport(
        r.job(),
        r.target(),
        r.setup(),
        r.startWallNanos(),
        r.measuredNanos(),
        r.read(),
        r.write(),
        r.sync(),
        r.intervals(),
        r.stealRatio(),
        r.errors(),
        r.depth(),
        cleanup);
  }

  private static JobReport.Direction direction(DiskJob job, Tally.Side side, String name) {
    // The sync engine has no submission step: fio reports its slat as empty, and so does this.
    Stats slat = job.engine() == Engine.SYNC ? Stats.EMPTY : side.slat.stats();
    return new JobReport.Direction(
        side.ops(), side.ops() * job.bs(), side.clat.toDistribution(name), side.lat.stats(), slat);
  }
}
