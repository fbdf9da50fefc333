package io.guestbench.agent.ship.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/** The spool directory, created if needed and locked so that one agent process uses it at once. */
final class SpoolLock {
  private static final Logger log = Logger.getLogger(SpoolLock.class.getName());
  private final Closeable lock;

  private SpoolLock(Closeable lock) {
    this.lock = lock;
  }

  /** Creates and locks {@code dir}; the messages name the config key, for the startup error. */
  static SpoolLock acquire(Storage storage, Path dir) throws IOException {
    try {
      storage.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("spool.dir: cannot create " + dir + " (" + e + ")", e);
    }
    try {
      return new SpoolLock(storage.lock(dir.resolve("lock")));
    } catch (IOException e) {
      throw new IOException("spool.dir: cannot lock " + dir + ": " + e.getMessage(), e);
    }
  }

  void release() {
    try {
      lock.close();
    } catch (IOException e) {
      log.fine("spool: releasing the lock: " + e);
    }
  }
}
