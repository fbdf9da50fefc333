package io.guestbench.common.lifecycle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts services in order and stops the started ones in reverse order. A failed start stops what
 * was already started, so a half-started process never lingers.
 */
public final class ServiceManager {
  private static final Logger log = Logger.getLogger(ServiceManager.class.getName());

  private final List<Service> services;
  private final Deque<Service> started = new ArrayDeque<>();

  public ServiceManager(List<Service> services) {
    this.services = List.copyOf(services);
  }

  /** Starts every service; on failure stops the started ones and rethrows. */
  public synchronized void startAll(Duration grace) throws Exception {
    for (Service service : services) {
      try {
        service.start();
        started.push(service);
      } catch (Exception e) {
        stopAll(grace);
        throw new ServiceStartException(service.name(), e);
      }
    }
  }

  /** Stops started services in reverse order, each within its share of {@code grace}. */
  public synchronized void stopAll(Duration grace) {
    while (!started.isEmpty()) {
      Service service = started.pop();
      try {
        service.stop(grace);
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "stopping " + service.name() + " failed", e);
      }
    }
  }

  /** A service could not start; the message names it and the cause. */
  public static final class ServiceStartException extends Exception {
    ServiceStartException(String name, Exception cause) {
      super(name + ": " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
      String message = cause.getMessage();
      return message == null ? cause.getClass().getSimpleName() : message;
    }
  }
}
