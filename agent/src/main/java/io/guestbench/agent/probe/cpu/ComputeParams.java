package io.guestbench.agent.probe.cpu;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.common.text.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The compute probe's checked parameters.
 *
 * @param kernel which kernel to run
 * @param warmup how long to run the kernel unmeasured first, so the JIT has compiled it
 * @param iterations how many timed iterations the measured phase has
 * @param opsPerIteration kernel steps per iteration
 */
public record ComputeParams(Kernel kernel, Duration warmup, int iterations, long opsPerIteration) {
  public static final String KERNEL = "kernel";
  public static final String WARMUP = "warmup";
  public static final String ITERATIONS = "iterations";
  public static final String OPS_PER_ITERATION = "ops_per_iteration";

  static final Duration MAX_WARMUP = Duration.ofSeconds(60);
  static final int MAX_ITERATIONS = 100_000;
  static final long MIN_OPS = 1_000;
  static final long MAX_OPS = 10_000_000_000L;

  /**
   * About 3 ms (int) to 4 ms (fp) per iteration on a current server core: long against the timer's
   * cost even where reading it is a syscall, short enough for many iterations per second.
   */
  public static final long DEFAULT_OPS = 2_000_000;

  /** The defaults: int kernel, 1 s warm-up, 30 iterations of {@link #DEFAULT_OPS}. */
  public static final ComputeParams DEFAULTS =
      new ComputeParams(Kernel.INT, Duration.ofSeconds(1), 30, DEFAULT_OPS);

  public ComputeParams {
    Objects.requireNonNull(kernel, "kernel");
    if (warmup.isNegative() || warmup.compareTo(MAX_WARMUP) > 0) {
      throw new IllegalArgumentException("warmup " + warmup);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations " + iterations);
    }
    if (opsPerIteration < MIN_OPS || opsPerIteration > MAX_OPS) {
      throw new IllegalArgumentException("ops_per_iteration " + opsPerIteration);
    }
  }

  /** Reads the parameters, leaving any problems in {@code reader}; bad values read as defaults. */
  public static ComputeParams read(ParamReader reader) {
    ComputeParams d = DEFAULTS;
    String kernel = reader.choice(KERNEL, d.kernel().label(), Kernel.labels());
    Duration warmup = reader.duration(WARMUP, d.warmup(), Duration.ZERO, MAX_WARMUP);
    long iterations = reader.number(ITERATIONS, d.iterations(), 1, MAX_ITERATIONS);
    long ops = reader.number(OPS_PER_ITERATION, d.opsPerIteration(), MIN_OPS, MAX_OPS);
    return new ComputeParams(Kernel.byLabel(kernel), warmup, (int) iterations, ops);
  }

  /** The parameters as strings, defaults included, as they go into a result. */
  public Map<String, String> asMap() {
    return Map.of(
        KERNEL, kernel.label(),
        WARMUP, Durations.format(warmup),
        ITERATIONS, Integer.toString(iterations),
        OPS_PER_ITERATION, Long.toString(opsPerIteration));
  }
}
