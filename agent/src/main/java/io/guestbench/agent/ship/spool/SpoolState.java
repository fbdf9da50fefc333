package io.guestbench.agent.ship.spool;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The spool's small state file: the epoch, how far seqs are reserved, and whether the last process
 * closed the spool cleanly (then {@code lastSeq} is the last seq it assigned). A seq is assigned
 * only below a reservation that is already on disk, so a crashed process's successor can start
 * above everything its predecessor may have sent, even batches that never reached a segment.
 *
 * @param generation increases with every write; of two intact copies the newer wins
 * @param epoch the epoch every batch in this directory is numbered in
 * @param reservedThrough no seq above this was ever assigned
 * @param clean the last process closed the spool and {@code lastSeq} is exact
 * @param lastSeq the last seq assigned, when {@code clean}
 * @param releasedThrough every batch at or below this seq was acknowledged, rejected or dropped;
 *     written lazily, so a few released batches may come back after a crash (and are resent, then
 *     acknowledged again from the collector's Welcome)
 */
record SpoolState(
    long generation,
    long epoch,
    long reservedThrough,
    boolean clean,
    long lastSeq,
    long releasedThrough) {
  static final int BYTES = 4 + 4 + 8 + 8 + 8 + 1 + 8 + 8 + 4;
  private static final int MAGIC = 0x47425353;
  private static final int VERSION = 1;

  /** The next state: one generation newer. */
  SpoolState next(
      long newReservedThrough, boolean newClean, long newLastSeq, long newReleasedThrough) {
    return new SpoolState(
        generation + 1, epoch, newReservedThrough, newClean, newLastSeq, newReleasedThrough);
  }

  byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(BYTES);
    b.putInt(MAGIC).putInt(VERSION).putLong(generation).putLong(epoch).putLong(reservedThrough);
    b.put((byte) (clean ? 1 : 0)).putLong(lastSeq).putLong(releasedThrough);
    b.putInt(crc(b.array()));
    return b.array();
  }

  /** The state in {@code bytes}, or empty when they are not an intact state file. */
  static Optional<SpoolState> decode(byte[] bytes) {
    if (bytes.length != BYTES) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (b.getInt() != MAGIC || b.getInt() != VERSION) {
      return Optional.empty();
    }
    SpoolState s =
        new SpoolState(
            b.getLong(), b.getLong(), b.getLong(), b.get() == 1, b.getLong(), b.getLong());
    if (b.getInt() != crc(bytes) || s.epoch() <= 0) {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, BYTES - 4);
    return (int) crc.getValue();
  }
}
