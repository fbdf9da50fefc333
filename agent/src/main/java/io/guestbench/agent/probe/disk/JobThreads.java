package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.disk.linux.Arch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a job's threads over the ramp and the runtime while the calling thread watches: it closes an
 * interval every second, reports progress, samples steal at the start and end of the measured
 * phase, and on an interrupt stops the threads and waits for their requests before returning.
 */
final class JobThreads {
  private static final long INTERVAL_NANOS = 1_000_000_000L;
  private static final long STOP_GRACE_SECONDS = 30;

  private final DiskJob job;
  private final StealSampler steal;
  private final ProbeRun.Progress progress;
  private final JobControl control = new JobControl();
  private final Intervals intervals = new Intervals();
  private final List<Worker> workers = new ArrayList<>();
  private final CountDownLatch finished;
  private final Window window;

  JobThreads(DiskJob job, StealSampler steal, ProbeRun.Progress progress) {
    this.job = job;
    this.steal = steal;
    this.progress = progress;
    this.finished = new CountDownLatch(job.numjobs());
    this.window = Window.starting(System.nanoTime(), job.ramp(), job.runtime());
  }

  /** Starts the threads on {@code fd} and returns once they have all ended. */
  Measurement run(Arch arch, int fd) throws InterruptedException {
    for (int i = 0; i < job.numjobs(); i++) {
      Worker w =
          job.engine() == Engine.AIO
              ? new AioWorker(arch, job, fd, i, window, control, intervals)
              : new SyncWorker(job, fd, i, window, control, intervals);
      workers.add(w);
      Thread.ofPlatform().name("guestbench-disk-" + i).daemon(true).start(() -> runThenCount(w));
    }
    try {
      return watch();
    } catch (InterruptedException e) {
      control.stop();
      awaitUninterruptibly();
      throw e;
    }
  }

  private void runThenCount(Worker w) {
    try {
      w.run();
    } finally {
      finished.countDown();
    }
  }

  private Measurement watch() throws InterruptedException {
    if (!job.ramp().isZero()) {
      progress.report("ramping up for " + Human.seconds(job.ramp().toNanos()));
      finished.await(window.measureFrom() - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    StealSampler.Snapshot before = steal.sample();
    ProgressLine line = new ProgressLine(job, progress);
    List<IntervalFigures> figures = new ArrayList<>();
    long from = window.measureFrom();
    while (!finished.await(untilNextWake(from), TimeUnit.NANOSECONDS)) {
      long now = System.nanoTime();
      if (now - (from + INTERVAL_NANOS) >= 0) {
        figures.add(intervals.close(figures.size(), from - window.measureFrom(), now - from));
        line.report(figures.getLast(), now - window.measureFrom());
        from = now;
      }
    }
    long end = Math.min(System.nanoTime(), window.end());
    if (end - from > 0) {
      figures.add(intervals.close(figures.size(), from - window.measureFrom(), end - from));
    }
    double stealRatio = steal.stealRatio(before, steal.sample());
    Tally total = new Tally();
    workers.forEach(w -> total.add(w.tally)); // the latch ordered their writes before this read
    long measured = Math.max(0, end - window.measureFrom());
    return new Measurement(total, figures, measured, stealRatio, errors());
  }

  /**
   * Until the interval ends or the runtime does; at least a millisecond, so that waiting for the
   * threads to drain their queues after the end polls instead of spinning on a core they need.
   */
  private long untilNextWake(long intervalStart) {
    long wake = Math.min(intervalStart + INTERVAL_NANOS, window.end());
    return Math.max(1_000_000L, wake - System.nanoTime());
  }

  private JobReport.Errors errors() {
    return control.errors() == 0
        ? JobReport.Errors.NONE
        : new JobReport.Errors(control.errors(), control.firstErrno(), control.firstError());
  }

  /** Waits for the threads to finish their requests, whose buffers they free on the way out. */
  private void awaitUninterruptibly() {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
    while (finished.getCount() > 0 && deadline - System.nanoTime() > 0) {
      try {
        finished.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
