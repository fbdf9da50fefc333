package io.guestbench.agent.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C or SIGTERM interrupts the thread that opened it and holds the JVM's exit until
 * that thread has cleaned up (closed it), for at most {@link #GRACE_SECONDS}: without this the JVM
 * would exit mid-job and leave the scratch file behind.
 */
final class StopOnSignal implements AutoCloseable {
  static final long GRACE_SECONDS = 30;

  private final Thread hook;
  private final CountDownLatch cleanedUp = new CountDownLatch(1);

  private StopOnSignal(Thread worker) {
    this.hook =
        new Thread(
            () -> {
              worker.interrupt();
              try {
                cleanedUp.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "guestbench-disk-stop");
  }

  static StopOnSignal install() {
    StopOnSignal s = new StopOnSignal(Thread.currentThread());
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  @Override
  public void close() {
    cleanedUp.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook has run, or is waiting for us and now returns
    }
  }
}
