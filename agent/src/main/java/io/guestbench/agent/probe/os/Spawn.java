package io.guestbench.agent.probe.os;

import io.guestbench.agent.probe.method.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Starts a program that exits at once and waits for it, as Java code does with {@link
 * ProcessBuilder}: fork or posix_spawn through the JDK's helper, exec, exit, and the JDK's reaper
 * thread noticing. The child inherits the agent's standard streams, so no pipes are made.
 */
final class Spawn implements Operation {
  private final ProcessBuilder builder;
  private long failures;

  Spawn(Path program) {
    this.builder = new ProcessBuilder(program.toString()).inheritIO();
  }

  @Override
  public long run(long units) throws InterruptedException {
    long sum = 0;
    for (long i = 0; i < units; i++) {
      Process p;
      try {
        p = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int status = p.waitFor();
      if (status != 0) {
        failures++;
      }
      sum += p.pid();
    }
    return sum;
  }

  /** How many runs exited with a status other than 0. */
  long failures() {
    return failures;
  }
}
