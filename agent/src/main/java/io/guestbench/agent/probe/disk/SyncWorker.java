package io.guestbench.agent.probe.disk;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** The {@code sync} engine: one positional read or write at a time, like fio's psync. */
final class SyncWorker extends Worker {

  SyncWorker(DiskJob job, int fd, int index, Window window, JobControl control, Intervals iv) {
    super(job, fd, index, window, control, iv);
  }

  @Override
  void loop(Arena arena) {
    MemorySegment block = buffers(arena, 1);
    long bs = job.bs();
    long now = System.nanoTime();
    while (mayIssue(now)) {
      boolean read = offsets.nextIsRead();
      long offset = offsets.nextOffset();
      boolean flushDue = !read && prepareWrite(block, offset);
      long start = System.nanoTime();
      long r = read ? posix.pread(fd, block, bs, offset) : posix.pwrite(fd, block, bs, offset);
      now = System.nanoTime();
      if (window.measures(now)) {
        tally.depths.record(1, 1);
      }
      complete(read, block, offset, r, 0, now - start, now);
      if (flushDue && !control.stopped()) {
        flush();
        now = System.nanoTime();
      }
    }
  }
}
