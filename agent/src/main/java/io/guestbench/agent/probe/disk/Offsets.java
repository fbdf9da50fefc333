package io.guestbench.agent.probe.disk;

import java.util.SplittableRandom;

/**
 * Where each request of one job thread goes and whether it reads or writes. Seeded, so the same job
 * issues the same requests in the same order every run; thread {@code i} of {@code numjobs} adds
 * {@code i} to the seed and starts its sequential walk {@code i/numjobs} into the file.
 */
final class Offsets {
  private final SplittableRandom random;
  private final boolean randomOrder;
  private final long blocks;
  private final long bs;
  private final int readPercent;
  private long cursor;

  Offsets(DiskJob job, int thread) {
    this.random = new SplittableRandom(job.seed() + thread);
    this.randomOrder = job.rw().random();
    this.blocks = job.blocks();
    this.bs = job.bs();
    this.readPercent = job.rwmixread();
    this.cursor = blocks * thread / job.numjobs();
  }

  /** Whether the next request reads; drawn before its offset. */
  boolean nextIsRead() {
    return readPercent == 100 || (readPercent > 0 && random.nextInt(100) < readPercent);
  }

  /** The next request's offset: a multiple of {@code bs} below the file's size. */
  long nextOffset() {
    if (randomOrder) {
      return random.nextLong(blocks) * bs;
    }
    long offset = cursor * bs;
    cursor = cursor + 1 == blocks ? 0 : cursor + 1;
    return offset;
  }
}
