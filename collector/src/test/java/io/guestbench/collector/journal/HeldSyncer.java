package io.guestbench.collector.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A real fsync that waits until the test lets it through, and fails when told to. */
final class HeldSyncer implements Syncer {
  private final Semaphore permits = new Semaphore(0);
  private final CountDownLatch entered = new CountDownLatch(1);
  final AtomicBoolean fail = new AtomicBoolean();
  private volatile boolean held = true;

  @Override
  public void force(FileChannel channel) throws IOException {
    entered.countDown();
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

  /** Waits until the writer is inside an fsync. */
  void awaitEntered() throws InterruptedException {
    if (!entered.await(10, TimeUnit.SECONDS)) {
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
