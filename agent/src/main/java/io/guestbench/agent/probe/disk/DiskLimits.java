package io.guestbench.agent.probe.disk;

import java.time.Duration;

/** The bounds of a disk job: what keeps a mistyped job from filling a disk or running for days. */
final class DiskLimits {
  /** O_DIRECT wants blocks and offsets in multiples of the device's logical block size. */
  static final long DIRECT_ALIGNMENT = 512;

  /** Buffers are aligned to a page, which satisfies every logical block size Linux has. */
  static final long BUFFER_ALIGNMENT = 4096;

  static final long MIN_BS = 512;
  static final long MAX_BS = 64L << 20;
  static final long MAX_SIZE = 16L << 40;
  static final int MAX_IODEPTH = 1024;
  static final int MAX_NUMJOBS = 64;

  /** Native buffer memory for all requests in flight: iodepth × bs × numjobs. */
  static final long MAX_BUFFER_BYTES = 1L << 30;

  static final Duration MIN_RUNTIME = Duration.ofMillis(100);
  static final Duration MAX_RUNTIME = Duration.ofHours(1);
  static final Duration MAX_RAMP = Duration.ofMinutes(10);

  /** Free space the file system must keep beyond the file: a fixed floor plus 1% of the file. */
  static final long SPACE_MARGIN_BYTES = 64L << 20;

  private DiskLimits() {}

  /** The free space a scratch file of {@code size} bytes needs. */
  static long spaceNeeded(long size) {
    return size + SPACE_MARGIN_BYTES + size / 100;
  }
}
