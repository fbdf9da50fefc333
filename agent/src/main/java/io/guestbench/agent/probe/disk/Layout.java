package io.guestbench.agent.probe.disk;

import static io.guestbench.agent.probe.disk.DiskParams.SIZE;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.disk.linux.Errno;
import io.guestbench.agent.probe.disk.linux.Posix;
import io.guestbench.common.time.Clock;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Writes a new file in full before any job reads it, because reads of never-written blocks return
 * zeros without touching the disk. Every block gets random bytes and a {@link BlockStamp} header,
 * so a later verify can check it. The file is then flushed and, for buffered jobs, dropped from the
 * page cache, so the job starts cold as fio's would.
 */
final class Layout {
  private static final long CHUNK = 1L << 20;
  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  private final Posix posix;
  private final Clock clock;
  private final Spelling s;

  Layout(Posix posix, Clock clock, Spelling spelling) {
    this.posix = posix;
    this.clock = clock;
    this.s = spelling;
  }

  /** Lays out {@code file}; the answer is Ready with what was done, or why it stopped. */
  Setup write(DiskFile file, DiskJob job, ProbeRun.Progress progress) throws InterruptedException {
    long chunk = Math.max(job.bs(), CHUNK / job.bs() * job.bs());
    BlockStamp stamp = new BlockStamp(job.seed());
    long start = clock.monotonicNanos();
    long lastReport = start;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = arena.allocate(chunk, DiskLimits.BUFFER_ALIGNMENT);
      BlockStamp.fillRandom(buffer, job.seed());
      for (long offset = 0; offset < job.size(); offset += chunk) {
        if (Thread.interrupted()) {
          throw new InterruptedException("disk layout interrupted");
        }
        MemorySegment piece = buffer.asSlice(0, Math.min(chunk, job.size() - offset));
        for (long b = 0; b < piece.byteSize(); b += job.bs()) {
          stamp.stamp(piece.asSlice(b, job.bs()), offset + b);
        }
        long r = writeFully(file.fd(), piece, offset);
        if (r < 0) {
          return failed(file, job, (int) -r, offset);
        }
        long now = clock.monotonicNanos();
        if (now - lastReport >= PROGRESS_EVERY_NANOS) {
          lastReport = now;
          progress.report(
              "laying out "
                  + Human.bytes(offset + piece.byteSize())
                  + " of "
                  + Human.bytes(job.size()));
        }
      }
    }
    return finish(file, job, clock.monotonicNanos() - start);
  }

  private Setup finish(DiskFile file, DiskJob job, long nanos) {
    int r = posix.fdatasync(file.fd());
    if (r < 0) {
      return failed(file, job, -r, job.size());
    }
    if (!job.direct()) {
      posix.fadvise(file.fd(), 0, job.size(), Posix.POSIX_FADV_DONTNEED);
    }
    String rate = Human.bytes(job.size() * 1e9 / Math.max(1, nanos)) + "/s";
    return new Setup.Ready(
        file,
        "created "
            + file.path()
            + " and laid out "
            + Human.bytes(job.size())
            + " in "
            + Human.seconds(nanos)
            + " ("
            + rate
            + ")");
  }

  /** Bytes written, or -errno; a short write is retried, so ENOSPC shows as an error. */
  private long writeFully(int fd, MemorySegment piece, long offset) {
    long done = 0;
    while (done < piece.byteSize()) {
      long n = posix.pwrite(fd, piece.asSlice(done), piece.byteSize() - done, offset + done);
      if (n < 0 && n != -Errno.EINTR) {
        return n;
      }
      done += Math.max(0, n);
      if (n == 0) {
        return -Errno.EIO; // no progress and no error: treat as the device giving up
      }
    }
    return done;
  }

  private Setup failed(DiskFile file, DiskJob job, int errno, long offset) {
    if (errno == Errno.ENOSPC || errno == Errno.EDQUOT) {
      return new Setup.Refused(
          s.key(SIZE)
              + ": "
              + Human.bytes(job.size())
              + " did not fit in "
              + file.path().toAbsolutePath().getParent()
              + ": "
              + Errno.describe(errno)
              + " after "
              + Human.bytes(offset)
              + " (expected: a smaller size or a directory with more room)");
    }
    return new Setup.Failed(
        "laying out " + file.path() + " at offset " + offset + ": " + Errno.describe(errno));
  }
}
