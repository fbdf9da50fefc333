package io.guestbench.collector.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** Makes written bytes durable; the seam where tests hold or fail an fsync. */
@FunctionalInterface
interface Syncer {
  /** fdatasync: the data and the size, which is what reading it back needs. */
  Syncer FSYNC = ch -> ch.force(false);

  /** Leaves durability to the page cache (config {@code journal.fsync: false}). */
  Syncer NONE = ch -> {};

  void force(FileChannel channel) throws IOException;
}
