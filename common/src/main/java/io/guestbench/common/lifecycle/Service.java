package io.guestbench.common.lifecycle;

import java.time.Duration;

/** A long-running part (server, scheduler, stream client) started and stopped by one manager. */
public interface Service {

  /** A short name for logs and errors. */
  String name();

  /** Acquires resources and begins work; throws when the service cannot run at all. */
  void start() throws Exception;

  /** Stops work and releases resources, returning within about {@code grace}. */
  void stop(Duration grace);
}
