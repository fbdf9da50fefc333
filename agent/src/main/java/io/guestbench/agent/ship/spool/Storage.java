package io.guestbench.agent.ship.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The spool's view of the filesystem. Everything the spool does to disk goes through here, so tests
 * can tear writes, lose fsyncs and fill the disk without touching a real device.
 */
public interface Storage {

  /** Creates {@code dir} and its parents when missing. */
  void createDirectories(Path dir) throws IOException;

  /** Takes an exclusive lock on {@code file} for as long as the returned handle is open. */
  Closeable lock(Path file) throws IOException;

  /** The regular files directly in {@code dir}, in no particular order. */
  List<Path> list(Path dir) throws IOException;

  /** Opens {@code file} for reading and writing, creating it when missing. */
  SpoolFile open(Path file) throws IOException;

  /** Removes {@code file} if it exists. */
  void delete(Path file) throws IOException;

  /** Makes file creations and removals in {@code dir} durable. */
  void syncDirectory(Path dir) throws IOException;

  /** Replaces {@code file} with {@code bytes} atomically and durably (temp file, fsync, rename). */
  void replace(Path file, byte[] bytes) throws IOException;

  /** The content of a small file, or empty when it does not exist. */
  Optional<byte[]> read(Path file) throws IOException;

  /** The real filesystem. */
  static Storage disk() {
    return new DiskStorage();
  }
}
