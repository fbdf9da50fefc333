package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.disk.aio.AioAbi;
import io.guestbench.agent.probe.disk.aio.AioContext;
import io.guestbench.agent.probe.disk.linux.Arch;
import io.guestbench.agent.probe.disk.linux.Errno;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The {@code aio} engine, like fio's libaio with its defaults: keeps {@code iodepth} requests in
 * flight on an O_DIRECT file, reaps one completion at a time ({@code io_getevents} with min_nr and
 * nr 1, fio's iodepth_batch_complete_min/max) and resubmits its slot at once with its own {@code
 * io_submit} (iodepth_batch_submit 1). Both defaults matter on virtio-blk: submitting refilled
 * slots as one batch measured 20% fewer IOPS (the kernel plugs a batch and dispatches none of it
 * until the last request is built), and reaping everything that had completed let the queue fall
 * into lockstep (all 32 complete, all 32 resubmitted), which moved p50 and p99 away from fio's. A
 * flush waits for the queue to drain and then runs synchronously, as fio does for libaio, so it
 * measures the flush alone.
 */
final class AioWorker extends Worker {
  /** Completions taken per io_getevents: fio's default iodepth_batch_complete_max. */
  private static final int REAP_MAX = 1;

  private final Arch arch;
  private AioSlots slots;
  private AioContext context;
  private long now;
  private boolean flushDue;

  AioWorker(Arch arch, DiskJob job, int fd, int index, Window w, JobControl c, Intervals iv) {
    super(job, fd, index, w, c, iv);
    this.arch = arch;
  }

  @Override
  void loop(Arena arena) {
    switch (AioContext.open(arch, arena, job.iodepth())) {
      case AioContext.Failed f -> control.error(f.errno(), setupFailure(f.errno()));
      case AioContext.Ready r -> {
        try (AioContext ctx = r.context()) {
          context = ctx;
          slots = new AioSlots(arena, job, buffers(arena, job.iodepth()));
          drive();
        }
      }
    }
  }

  private void drive() {
    now = System.nanoTime();
    while (true) {
      if (flushDue && slots.inFlight() == 0) {
        flushDue = false;
        flush();
        now = System.nanoTime();
      }
      while (!flushDue && slots.idle() > 0 && mayIssue(now)) {
        issue(slots.takeIdle());
        if (!submit()) {
          return;
        }
      }
      if (slots.pending() > 0 && !submit()) { // left over after EAGAIN: retry once reaped
        return;
      }
      if (slots.inFlight() == 0 && !mayIssue(now)) {
        return; // nothing in flight and nothing more to issue
      }
      if (slots.inFlight() > 0 && !reap()) {
        return;
      }
    }
  }

  private void issue(int slot) {
    boolean read = offsets.nextIsRead();
    long offset = offsets.nextOffset();
    if (!read && prepareWrite(slots.block(slot), offset)) {
      flushDue = true;
    }
    slots.prepare(slot, read, offset, fd);
  }

  private boolean submit() {
    int n = slots.pending();
    long start = System.nanoTime();
    long r = context.submit(slots.pointers(), n);
    now = System.nanoTime();
    if (r < 0 && r != -Errno.EAGAIN && r != -Errno.EINTR) {
      control.error((int) -r, "io_submit: " + Errno.describe((int) -r));
      return false;
    }
    int submitted = (int) Math.max(0, r);
    slots.submitted(submitted, start, now);
    if (submitted > 0 && window.measures(now)) {
      tally.depths.record(slots.inFlight(), submitted);
    }
    return true;
  }

  private boolean reap() {
    MemorySegment events = slots.events();
    long got = context.getEvents(1, REAP_MAX, events, slots.timeout());
    now = System.nanoTime();
    if (got == -Errno.EINTR || got == 0) {
      return true; // a signal or the timeout: in-flight requests still complete later
    }
    if (got < 0) {
      control.error((int) -got, "io_getevents: " + Errno.describe((int) -got));
      return false;
    }
    for (int i = 0; i < got; i++) {
      int slot = (int) AioAbi.eventData(events, i);
      long result = AioAbi.eventResult(events, i);
      long issued = slots.issuedAt(slot);
      complete(
          slots.isRead(slot),
          slots.block(slot),
          slots.offset(slot),
          result,
          issued - slots.startedAt(slot),
          now - issued,
          now);
      slots.completed(slot);
    }
    return true;
  }

  private String setupFailure(int errno) {
    String hint =
        errno == Errno.EAGAIN
            ? "; /proc/sys/fs/aio-max-nr is exhausted: lower iodepth or numjobs, or raise it"
            : "";
    return "io_setup(" + job.iodepth() + "): " + Errno.describe(errno) + hint;
  }
}
