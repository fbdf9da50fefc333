package io.guestbench.agent.probe.disk;

import java.time.Duration;
import java.util.Objects;

/**
 * One disk job, fio-style. {@link DiskParams} reads it from a plan's or the command line's strings
 * and reports every problem by its key; this constructor only guards invariants.
 *
 * @param rw the I/O pattern
 * @param rwmixread percentage of reads in a {@link Rw#RANDRW} job (100 or 0 for the others)
 * @param bs block size of each request, bytes
 * @param size bytes of the file the job works on, a multiple of {@code bs}
 * @param iodepth requests kept in flight per job (1 for {@link Engine#SYNC})
 * @param numjobs threads running the job side by side on the same file
 * @param direct whether the file is opened with O_DIRECT (bypassing the page cache)
 * @param engine how requests reach the kernel
 * @param runtime the measured time, after the ramp; the job loops over the file until it ends
 * @param ramp time run before measuring starts, not counted in any figure
 * @param sync flushes after writes
 * @param verify whether reads check the blocks they read
 * @param seed seeds the random offsets (each job adds its index), so runs repeat exactly
 * @param target where the I/O goes
 * @param allowExisting whether an existing file or device may be used
 * @param allowDestructive whether a block device may be written
 */
public record DiskJob(
    Rw rw,
    int rwmixread,
    long bs,
    long size,
    int iodepth,
    int numjobs,
    boolean direct,
    Engine engine,
    Duration runtime,
    Duration ramp,
    SyncPolicy sync,
    Verify verify,
    long seed,
    Target target,
    boolean allowExisting,
    boolean allowDestructive) {

  public DiskJob {
    Objects.requireNonNull(rw, "rw");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(ramp, "ramp");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(verify, "verify");
    Objects.requireNonNull(target, "target");
    require(rwmixread >= 0 && rwmixread <= 100, "rwmixread " + rwmixread);
    require(bs > 0 && size >= bs && size % bs == 0, "bs " + bs + " size " + size);
    require(!direct || bs % DiskLimits.DIRECT_ALIGNMENT == 0, "direct bs " + bs);
    require(iodepth >= 1 && (engine == Engine.AIO || iodepth == 1), "iodepth " + iodepth);
    require(engine == Engine.SYNC || direct, "aio without direct");
    require(numjobs >= 1, "numjobs " + numjobs);
    require(runtime.isPositive() && !ramp.isNegative(), "runtime " + runtime + " ramp " + ramp);
    require(!sync.enabled() || rw.writes(), "sync without writes");
  }

  /** Bytes of aligned buffer memory the job needs: one block per request in flight per job. */
  public long bufferBytes() {
    return bs * iodepth * numjobs;
  }

  /** The number of {@code bs} blocks in the file. */
  public long blocks() {
    return size / bs;
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("invalid disk job: " + what);
    }
  }
}
