package io.guestbench.agent.probe.disk;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The verify header every laid-out block carries in its first 32 bytes: a magic number, the block's
 * own offset, the job's seed and a CRC32C of the rest of the block. A read that checks it catches
 * blocks that are corrupt, torn, stale from another run, or read from the wrong place. Not
 * thread-safe: one per job thread.
 */
final class BlockStamp {
  /** "GBDISK01" in ASCII. */
  static final long MAGIC = 0x4742_4449_534B_3031L;

  /** Bytes of header; the smallest block (512 bytes) has room for it. */
  static final int HEADER = 32;

  private static final long OFFSET_AT = 8;
  private static final long SEED_AT = 16;
  private static final long CRC_AT = 24;

  private final long seed;
  private final CRC32C crc = new CRC32C();

  BlockStamp(long seed) {
    this.seed = seed;
  }

  /** Fills a buffer with seeded random bytes: never zeros, and not compressible. */
  static void fillRandom(MemorySegment buffer, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long longs = buffer.byteSize() / Long.BYTES;
    for (long i = 0; i < longs; i++) {
      buffer.setAtIndex(JAVA_LONG, i, random.nextLong() | 1L); // odd: no all-zero words
    }
  }

  /** Writes the header for a block that goes to {@code offset}; the payload stays as it is. */
  void stamp(MemorySegment block, long offset) {
    block.set(JAVA_LONG, 0, MAGIC);
    block.set(JAVA_LONG, OFFSET_AT, offset);
    block.set(JAVA_LONG, SEED_AT, seed);
    block.set(JAVA_INT, CRC_AT, checksum(block));
  }

  /** Empty when the block read from {@code offset} is intact, else what is wrong with it. */
  Optional<String> check(MemorySegment block, long offset) {
    if (block.get(JAVA_LONG, 0) != MAGIC) {
      return Optional.of("no verify header (not written by this job's layout)");
    }
    long found = block.get(JAVA_LONG, OFFSET_AT);
    if (found != offset) {
      return Optional.of("header says offset " + found + ": misdirected or stale block");
    }
    if (block.get(JAVA_LONG, SEED_AT) != seed) {
      return Optional.of("header has another seed: written by another run");
    }
    int expected = block.get(JAVA_INT, CRC_AT);
    int actual = checksum(block);
    if (expected != actual) {
      return Optional.of(
          String.format("crc32c %08x, header says %08x: corrupt or torn block", actual, expected));
    }
    return Optional.empty();
  }

  /** CRC32C of the block without its checksum field (bytes 24..27) and padding (28..31). */
  private int checksum(MemorySegment block) {
    ByteBuffer view = block.asByteBuffer();
    crc.reset();
    crc.update(view.limit((int) CRC_AT));
    crc.update(view.limit((int) block.byteSize()).position(HEADER));
    return (int) crc.getValue();
  }
}
