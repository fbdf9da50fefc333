package io.guestbench.agent.probe.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.Distributions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real jobs on real files: each engine and pattern does I/O, counts it, and cleans up. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealJobTest {
  @TempDir Path dir;

  @Test
  void syncRandomReadsAreCountedAndTheScratchFileIsRemoved() throws Exception {
    JobReport r = Jobs.completed(Jobs.run(Jobs.job(dir, "rw", "randread", "engine", "sync")));

    assertThat(r.errors()).isEqualTo(JobReport.Errors.NONE);
    assertThat(r.target()).isEqualTo(TargetKind.SCRATCH);
    assertThat(r.setup()).contains("laid out 4.00 MiB");
    assertThat(r.read().ops()).isPositive();
    assertThat(r.read().bytes()).isEqualTo(r.read().ops() * 4096);
    assertThat(r.read().clat().getCount()).isEqualTo(r.read().ops());
    assertThat(r.write().ops()).isZero();
    assertThat(r.read().slat()).isEqualTo(Stats.EMPTY);
    assertThat(r.measuredNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    assertThat(r.depth().max()).isEqualTo(1);
    assertThat(r.intervals()).isNotEmpty();
    assertThat(r.intervals().stream().mapToLong(i -> i.read().ops()).sum())
        .isEqualTo(r.read().ops());
    assertThat(Jobs.files(dir)).isEmpty();
  }

  @Test
  void aioKeepsTheQueueDepthInFlight() throws Exception {
    JobReport r =
        Jobs.completed(
            Jobs.run(
                Jobs.job(dir, "rw", "randread", "engine", "aio", "iodepth", "8", "direct", "1")));

    assertThat(r.errors()).isEqualTo(JobReport.Errors.NONE);
    assertThat(r.depth().max()).isEqualTo(8);
    long[] levels = r.depth().levels();
    // Reaping one completion and resubmitting its slot at once keeps the queue full: every
    // submission but the first seven of the initial fill leaves exactly 8 in flight.
    long submissions = java.util.Arrays.stream(levels).sum();
    assertThat(submissions).isGreaterThanOrEqualTo(r.read().ops());
    assertThat(levels[3])
        .as("submissions that left 8 in flight, of %s", java.util.Arrays.toString(levels))
        .isEqualTo(submissions - 7);
    assertThat(levels[4] + levels[5] + levels[6]).as("submissions beyond 8").isZero();
    assertThat(r.read().ops()).isPositive();
    assertThat(r.read().slat().count()).isEqualTo(r.read().ops());
    assertThat(r.read().lat().min()).isGreaterThanOrEqualTo(r.read().clat().getMin());
    assertThat(Jobs.files(dir)).isEmpty();
  }

  @Test
  void writesWithFdatasyncRecordTheFlushes() throws Exception {
    JobReport r =
        Jobs.completed(
            Jobs.run(Jobs.job(dir, "rw", "randwrite", "fdatasync", "1", "engine", "sync")));

    assertThat(r.errors()).isEqualTo(JobReport.Errors.NONE);
    assertThat(r.write().ops()).isPositive();
    assertThat(r.read().ops()).isZero();
    // A flush follows every write; the last write of the window may have its flush after it.
    assertThat(r.sync().getCount()).isBetween(r.write().ops() - 1, r.write().ops() + 1);
    assertThat(Distributions.decode(r.sync()).getTotalCount()).isEqualTo(r.sync().getCount());
  }

  @Test
  void aioWritesWithFsyncEveryFourDrainTheQueueFirst() throws Exception {
    JobReport r =
        Jobs.completed(
            Jobs.run(
                Jobs.job(
                    dir,
                    "rw",
                    "randwrite",
                    "engine",
                    "aio",
                    "iodepth",
                    "4",
                    "fsync",
                    "4",
                    "direct",
                    "1")));

    assertThat(r.errors()).isEqualTo(JobReport.Errors.NONE);
    assertThat(r.write().ops()).isPositive();
    assertThat(r.sync().getCount()).isBetween(r.write().ops() / 4 - 1, r.write().ops() / 4 + 1);
  }

  @Test
  void sequentialLargeBlocksAndMixedVerifiedJobsRunClean() throws Exception {
    JobReport seq =
        Jobs.completed(
            Jobs.run(
                Jobs.job(
                    dir, "rw", "read", "bs", "1m", "engine", "aio", "iodepth", "4", "direct",
                    "1")));
    assertThat(seq.errors()).isEqualTo(JobReport.Errors.NONE);
    assertThat(seq.read().bytes()).isEqualTo(seq.read().ops() << 20);

    JobReport mixed =
        Jobs.completed(
            Jobs.run(Jobs.job(dir, "rw", "randrw", "rwmixread", "70", "verify", "crc32c")));
    assertThat(mixed.errors()).isEqualTo(JobReport.Errors.NONE);
    assertThat(mixed.read().ops()).isGreaterThan(mixed.write().ops());
    assertThat(mixed.write().ops()).isPositive();
    assertThat(Jobs.files(dir)).isEmpty();
  }

  @Test
  void severalThreadsAddUp() throws Exception {
    JobReport r =
        Jobs.completed(Jobs.run(Jobs.job(dir, "rw", "randread", "numjobs", "2", "ramp", "100ms")));

    assertThat(r.errors()).isEqualTo(JobReport.Errors.NONE);
    assertThat(r.read().ops()).isEqualTo(r.read().clat().getCount());
    assertThat(r.startWallNanos()).isEqualTo(Jobs.WALL + TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(Jobs.files(dir)).isEmpty();
  }
}
