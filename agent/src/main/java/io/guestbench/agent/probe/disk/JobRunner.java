package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.disk.linux.Arch;
import io.guestbench.agent.probe.disk.linux.Posix;
import io.guestbench.common.time.Clock;
import jakarta.inject.Inject;
import java.lang.foreign.Arena;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one disk job from start to end: the safety checks, the layout, the measured run and the
 * cleanup. Whatever happens (refusal, I/O error, interrupt), a file the job created is removed
 * before this returns or throws.
 */
public final class JobRunner {
  private final Clock clock;
  private final StealSampler steal;
  private final Filesystem fs;

  @Inject
  public JobRunner(Clock clock, StealSampler steal) {
    this(clock, steal, Filesystem.HOST);
  }

  public JobRunner(Clock clock, StealSampler steal, Filesystem fs) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.steal = Objects.requireNonNull(steal, "steal");
    this.fs = Objects.requireNonNull(fs, "fs");
  }

  /**
   * Runs {@code job}; messages name parameters as {@code spelling} spells them. Throws only when
   * interrupted, after the threads have stopped and the scratch file is gone.
   */
  public JobOutcome run(DiskJob job, String runId, Spelling spelling, ProbeRun.Progress progress)
      throws InterruptedException {
    Optional<Arch> arch = Arch.current();
    if (arch.isEmpty()) {
      return new JobOutcome.Unsupported(
          "the disk probe needs Linux on x86_64 or aarch64, not "
              + System.getProperty("os.name")
              + " on "
              + System.getProperty("os.arch"));
    }
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      return switch (new Preflight(fs, posix, arch.get(), spelling).open(job, runId)) {
        case Setup.Refused r -> new JobOutcome.Refused(r.message());
        case Setup.Failed f -> new JobOutcome.Failed(f.message());
        case Setup.Ready ready -> layOutAndRun(arch.get(), posix, job, ready, spelling, progress);
      };
    }
  }

  private JobOutcome layOutAndRun(
      Arch arch,
      Posix posix,
      DiskJob job,
      Setup.Ready ready,
      Spelling spelling,
      ProbeRun.Progress progress)
      throws InterruptedException {
    DiskFile file = ready.file();
    JobOutcome outcome;
    try {
      progress.report(ready.note());
      Setup laid =
          file.owned() ? new Layout(posix, clock, spelling).write(file, job, progress) : ready;
      outcome =
          switch (laid) {
            case Setup.Refused r -> new JobOutcome.Refused(r.message());
            case Setup.Failed f -> new JobOutcome.Failed(f.message());
            case Setup.Ready done -> measure(arch, job, file, done.note(), progress);
          };
    } finally {
      file.close();
    }
    if (outcome instanceof JobOutcome.Completed c && !file.cleanupProblem().isEmpty()) {
      return new JobOutcome.Completed(Reports.withCleanup(c.report(), file.cleanupProblem()));
    }
    return outcome;
  }

  private JobOutcome measure(
      Arch arch, DiskJob job, DiskFile file, String setup, ProbeRun.Progress progress)
      throws InterruptedException {
    progress.report(setup);
    long startWall = clock.wallNanos() + job.ramp().toNanos();
    Measurement m = new JobThreads(job, steal, progress).run(arch, file.fd());
    return new JobOutcome.Completed(Reports.build(job, file.kind(), setup, startWall, m));
  }
}
