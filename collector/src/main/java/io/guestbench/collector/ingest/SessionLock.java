package io.guestbench.collector.ingest;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lock of one {@link AgentSession}, with a way in that never waits: {@link #runOrHandOver} runs
 * its action at once when the lock is free and otherwise leaves it to the holder, who runs it as it
 * lets go. The journal's publisher threads come in that way. A publisher that waited for a stream
 * whose call thread was preempted while holding the lock (on two busy cores, for tens of
 * milliseconds) would hold up the acks of every agent in its lane.
 */
final class SessionLock {
  private static final Logger log = Logger.getLogger(SessionLock.class.getName());

  private final ReentrantLock lock = new ReentrantLock();
  private final Queue<Runnable> handedOver = new ConcurrentLinkedQueue<>();

  /** Runs {@code action} holding the lock, waiting for it if need be. */
  void run(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      unlock();
    }
  }

  /** Returns what {@code action} returns, holding the lock, waiting for it if need be. */
  <T> T get(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      unlock();
    }
  }

  /**
   * Runs {@code action} holding the lock, now if it is free (or held by this thread), else on the
   * thread that holds it, when that one lets go; returns at once either way. Actions handed over
   * run in the order they were handed over.
   */
  void runOrHandOver(Runnable action) {
    handedOver.add(action);
    runHandedOver();
  }

  private void unlock() {
    boolean outermost = lock.getHoldCount() == 1;
    lock.unlock();
    if (outermost) {
      runHandedOver();
    }
  }

  /** A failed action must not keep the ones after it from running, nor fail its runner's call. */
  private static void runLogged(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "a stream's deferred action failed", e);
    }
  }

  /**
   * An action handed over while this thread held the lock was added before its giver's tryLock
   * failed, so before the unlock above: this look sees it.
   */
  private void runHandedOver() {
    while (!handedOver.isEmpty() && lock.tryLock()) {
      try {
        for (Runnable r; (r = handedOver.poll()) != null; ) {
          runLogged(r);
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
