package io.guestbench.agent.probe.method;

import java.util.Objects;

/**
 * One operation a measurement times, under the name its samples are reported by.
 *
 * @param name for example {@code getppid}
 * @param operation the work
 */
public record Subject(String name, Operation operation) {
  public Subject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operation, "operation");
  }
}
