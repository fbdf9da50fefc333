package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.disk.linux.Errno;
import io.guestbench.agent.probe.disk.linux.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * One job thread: issues requests until the window ends or the job stops, and records each
 * completion. Subclasses are the engines. Requests are timed with {@link System#nanoTime()} inside
 * the loop itself, since any indirection would be measured too.
 */
abstract class Worker implements Runnable {
  final DiskJob job;
  final int fd;
  final Window window;
  final JobControl control;
  final Intervals intervals;
  final Tally tally = new Tally();
  final Offsets offsets;
  final BlockStamp stamp;
  final int index;
  Posix posix;
  private long writesIssued;

  Worker(DiskJob job, int fd, int index, Window window, JobControl control, Intervals intervals) {
    this.job = job;
    this.fd = fd;
    this.index = index;
    this.window = window;
    this.control = control;
    this.intervals = intervals;
    this.offsets = new Offsets(job, index);
    this.stamp = new BlockStamp(job.seed());
  }

  @Override
  public final void run() {
    try (Arena arena = Arena.ofConfined()) {
      posix = new Posix(arena);
      loop(arena);
    } catch (RuntimeException | Error e) {
      control.error(
          0,
          "job thread "
              + index
              + " failed: "
              + e
              + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
    }
  }

  /** Issues and completes requests; buffers come from {@code arena}, freed when this returns. */
  abstract void loop(Arena arena);

  /** Whether another request may be issued now. */
  final boolean mayIssue(long now) {
    return !control.stopped() && !window.over(now);
  }

  /**
   * A buffer of {@code count} page-aligned blocks, mapped fresh like fio's malloc'd buffers and
   * filled with this thread's random bytes only when the job writes, as fio does. A read-only job
   * leaves its pages untouched, so the kernel faults them in during the first direct reads, as it
   * does for fio. That matters: where the pages land physically decides how many segments a request
   * needs, and on a virtio-blk disk without indirect descriptors how many large requests fit in the
   * ring at once. Zero-filled Arena memory gave 1M reads runs of about four contiguous pages and
   * 1.7x fio's IOPS on the development VM (see bench/RESULTS.md).
   */
  final MemorySegment buffers(Arena arena, int count) {
    long bytes = job.bs() * count;
    MemorySegment all = posix.mapAnonymous(bytes, arena);
    if (all.equals(MemorySegment.NULL)) {
      throw new OutOfMemoryError(
          "mmap(" + bytes + " bytes of buffers): " + Errno.describe(posix.lastErrno()));
    }
    if (job.rw().writes()) {
      BlockStamp.fillRandom(all, job.seed() * 31 + index);
    }
    return all;
  }

  /** Readies a block for writing to {@code offset}; true when a flush is due after it. */
  final boolean prepareWrite(MemorySegment block, long offset) {
    if (job.verify() != Verify.NONE) {
      stamp.stamp(block, offset);
    }
    writesIssued++;
    return job.sync().enabled() && writesIssued % job.sync().every() == 0;
  }

  /** Records one completion: {@code result} is bytes transferred or -errno. */
  final void complete(
      boolean read, MemorySegment block, long offset, long result, long slat, long clat, long at) {
    if (result != job.bs()) {
      failed(read, offset, result);
      return;
    }
    if (read && job.verify() != Verify.NONE) {
      Optional<String> bad = stamp.check(block, offset);
      if (bad.isPresent()) {
        control.error(Errno.EIO, "verify: block at offset " + offset + ": " + bad.get());
        return;
      }
    }
    if (window.measures(at)) {
      tally.side(read).record(clat, slat);
      intervals.record(read, clat);
    }
  }

  /** Flushes with the job's sync call, timed; false when it failed. */
  final boolean flush() {
    long start = System.nanoTime();
    int r = job.sync().call() == SyncPolicy.Call.FSYNC ? posix.fsync(fd) : posix.fdatasync(fd);
    long end = System.nanoTime();
    if (r < 0) {
      control.error(-r, job.sync().call().label() + ": " + Errno.describe(-r));
      return false;
    }
    if (window.measures(end)) {
      tally.sync.record(end - start);
    }
    return true;
  }

  private void failed(boolean read, long offset, long result) {
    String op = read ? "read" : "write";
    if (result >= 0) {
      control.error(
          Errno.EIO,
          "short " + op + " at offset " + offset + ": " + result + " of " + job.bs() + " bytes");
      return;
    }
    int errno = (int) -result;
    String hint =
        errno == Errno.EINVAL && job.direct()
            ? " (with direct I/O, bs must be a multiple of the device's logical block size)"
            : "";
    control.error(errno, op + " at offset " + offset + ": " + Errno.describe(errno) + hint);
  }
}
