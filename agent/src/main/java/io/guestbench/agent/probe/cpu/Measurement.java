package io.guestbench.agent.probe.cpu;

import io.guestbench.agent.probe.Samples;

/**
 * The warm-up and measured loops. They time themselves with {@link System#nanoTime()} because any
 * indirection would be measured too; the state is carried from each iteration into the next so no
 * iteration's work is dead.
 *
 * @param samples per-iteration nanoseconds
 * @param totalOps kernel steps measured
 * @param checksum the final kernel state; equal parameters give an equal checksum
 */
record Measurement(Samples samples, long totalOps, long checksum) {

  /**
   * Runs the kernel until the warm-up time has passed (at least once unless it is zero) and returns
   * the final state, which the caller must publish.
   */
  static long warmUp(ComputeParams params) throws InterruptedException {
    long state = params.kernel().seed();
    if (params.warmup().isZero()) {
      return state;
    }
    long deadline = System.nanoTime() + params.warmup().toNanos();
    do {
      stopIfInterrupted();
      state = params.kernel().run(state, params.opsPerIteration());
    } while (System.nanoTime() - deadline < 0);
    return state;
  }

  /** Runs and times {@code iterations} iterations from the kernel's seed. */
  static Measurement measure(ComputeParams params) throws InterruptedException {
    Kernel kernel = params.kernel();
    long ops = params.opsPerIteration();
    Samples samples = new Samples();
    long state = kernel.seed();
    for (int i = 0; i < params.iterations(); i++) {
      stopIfInterrupted();
      long start = System.nanoTime();
      state = kernel.run(state, ops);
      long end = System.nanoTime();
      samples.record(end - start);
    }
    return new Measurement(samples, ops * params.iterations(), state);
  }

  /** Polled between iterations: a kernel iteration is a few milliseconds, so this is prompt. */
  private static void stopIfInterrupted() throws InterruptedException {
    if (Thread.interrupted()) { // clears the flag, as a blocking call would before throwing
      throw new InterruptedException("compute probe interrupted");
    }
  }
}
