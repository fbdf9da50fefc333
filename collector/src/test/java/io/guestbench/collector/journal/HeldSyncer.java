package io.guestbench.collector.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A real fsync that waits until the test lets it through, and fails when told to. */
final class HeldSyncer implements Syncer {
  private final Semaphore permits = new Semaphore(0);
  private final Semaphore entries =
      new Semaphore(0); // one per fsync entered, taken by awaitEntered
  final AtomicBoolean fail = new AtomicBoolean();
  private volatile boolean held = true;

  @Override
  public void force(FileChannel channel) throws IOException {
    entries.release();
    try {
      if (held && !permits.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new IOException("test never released the fsync");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (fail.get()) {
      throw new IOException("Input/output error (injected)");
    }
    channel.force(false);
  }

  /**
   * Waits until the writer enters an fsync not awaited before: the first, then the next, and so on.
   */
  void awaitEntered() throws InterruptedException {
    if (!entries.tryAcquire(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the writer never reached fsync");
    }
  }

  /** Lets {@code n} held fsyncs through. */
  void release(int n) {
    permits.release(n);
  }

  /** Stops holding fsyncs from now on. */
  void open() {
    held = false;
    permits.release(1000);
  }
}
