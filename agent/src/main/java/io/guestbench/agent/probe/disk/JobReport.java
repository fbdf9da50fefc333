package io.guestbench.agent.probe.disk;

import io.guestbench.proto.v1.Distribution;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a disk job did, in full: the source of the probe result, the table and the fio-style JSON.
 *
 * @param job the job as run
 * @param target what the I/O went to
 * @param setup what was done before measuring, for example the layout and how long it took
 * @param startWallNanos when the measured phase began, Unix time
 * @param measuredNanos how long it lasted: the runtime, or less if an error stopped the job
 * @param read reads completed in the measured phase
 * @param write writes completed in the measured phase
 * @param sync flush latencies ({@code sync_latency_nanos}); count 0 without flushes
 * @param intervals the measured phase second by second
 * @param stealRatio stolen CPU time over the measured phase, 0..1; negative when unknown
 * @param errors the errors that stopped the job, if any
 * @param depth requests in flight after each submission
 * @param cleanup why the scratch file could not be removed, or empty
 */
public record JobReport(
    DiskJob job,
    TargetKind target,
    String setup,
    long startWallNanos,
    long measuredNanos,
    Direction read,
    Direction write,
    Distribution sync,
    List<IntervalFigures> intervals,
    double stealRatio,
    Errors errors,
    Depth depth,
    String cleanup) {

  public JobReport {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(sync, "sync");
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(errors, "errors");
    Objects.requireNonNull(depth, "depth");
    Objects.requireNonNull(cleanup, "cleanup");
    if (measuredNanos < 0) {
      throw new IllegalArgumentException("measuredNanos " + measuredNanos);
    }
  }

  /**
   * One direction's completions.
   *
   * @param ops requests completed
   * @param bytes bytes transferred
   * @param clat completion latency from submission, with percentiles
   * @param lat total latency including submission
   * @param slat the submission call alone (empty for the sync engine, which has none)
   */
  public record Direction(long ops, long bytes, Distribution clat, Stats lat, Stats slat) {
    public Direction {
      Objects.requireNonNull(clat, "clat");
      Objects.requireNonNull(lat, "lat");
      Objects.requireNonNull(slat, "slat");
    }

    public double iops(long nanos) {
      return nanos == 0 ? 0 : ops * 1e9 / nanos;
    }

    public double bytesPerSecond(long nanos) {
      return nanos == 0 ? 0 : bytes * 1e9 / nanos;
    }
  }

  /**
   * Errors; a job stops at its first one.
   *
   * @param count how many requests failed (several can be in flight when the first fails)
   * @param firstErrno errno of the first, 0 when it had none (a verify mismatch reports EIO)
   * @param first the first error's message, empty when there were none
   */
  public record Errors(long count, int firstErrno, String first) {
    public static final Errors NONE = new Errors(0, 0, "");

    public Errors {
      Objects.requireNonNull(first, "first");
    }
  }

  /**
   * The queue depth reached.
   *
   * @param max the most requests in flight at once
   * @param levels submissions by depth, in fio's {@code iodepth_level} buckets 1, 2, 4, 8, 16, 32,
   *     >=64
   */
  public record Depth(int max, long[] levels) {
    public static final List<String> LEVELS = DepthLevels.NAMES;

    public Depth {
      levels = Arrays.copyOf(levels, LEVELS.size());
    }

    @Override
    public long[] levels() {
      return levels.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Depth d && d.max == max && Arrays.equals(d.levels, levels);
    }

    @Override
    public int hashCode() {
      return 31 * max + Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
      return "Depth[max=" + max + ", levels=" + Arrays.toString(levels) + "]";
    }
  }
}
