package io.guestbench.agent.ship.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** One open spool file: positional reads and writes, fsync, truncation. */
public interface SpoolFile extends Closeable {

  long size() throws IOException;

  /** Writes all of {@code src} at {@code position}; a failure may leave part of it written. */
  void write(ByteBuffer src, long position) throws IOException;

  /** Fills {@code dst} from {@code position}; fewer bytes only at the end of the file. */
  void read(ByteBuffer dst, long position) throws IOException;

  /** Makes the data written so far durable (fdatasync). */
  void force() throws IOException;

  void truncate(long size) throws IOException;
}
