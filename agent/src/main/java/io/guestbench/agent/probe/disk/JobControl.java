package io.guestbench.agent.probe.disk;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a job's threads share besides the file: the stop flag and the errors. The first error stops
 * every thread, as fio stops a job on its first error by default, because figures from a failing
 * device describe the failure rather than the device.
 */
final class JobControl {
  private volatile boolean stopped;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private volatile int firstErrno;

  boolean stopped() {
    return stopped;
  }

  void stop() {
    stopped = true;
  }

  /** Counts an error and stops the job; {@code errno} is 0 when the error has none. */
  void error(int errno, String message) {
    errors.incrementAndGet();
    if (firstError.compareAndSet(null, message)) {
      firstErrno = errno;
    }
    stopped = true;
  }

  long errors() {
    return errors.get();
  }

  /** The first error's message, or empty. */
  String firstError() {
    String first = firstError.get();
    return first == null ? "" : first;
  }

  int firstErrno() {
    return firstErrno;
  }
}
