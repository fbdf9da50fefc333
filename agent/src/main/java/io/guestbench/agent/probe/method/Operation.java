package io.guestbench.agent.probe.method;

/**
 * Work a probe measures. The {@link Measurer} times {@link #run} as one batch of units, so the
 * clock is read twice per batch however cheap one unit is; each implementation keeps its own tight
 * loop, so the JIT compiles every operation's loop on its own.
 */
public interface Operation {

  /**
   * Does {@code units} units of work back to back and returns a value computed from their results,
   * which the caller publishes so the JIT cannot drop the work.
   */
  long run(long units) throws InterruptedException;

  /** Untimed set-up before a batch of {@code units}, such as mapping fresh memory. */
  default void prepare(long units) {}

  /** Operations one unit counts as; 2 for a round trip that is two context switches. */
  default long opsPerUnit() {
    return 1;
  }

  /** The fewest units a timed batch has. */
  default long minUnits() {
    return 1;
  }

  /** The most units a timed batch can have, for example the pages of one mapped region. */
  default long maxUnits() {
    return Long.MAX_VALUE;
  }
}
