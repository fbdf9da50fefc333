package io.guestbench.agent.probe.cpu;

/**
 * The kernels' inner loops. Each is its own small method so the JIT compiles it whole during
 * warm-up and the measured loop calls compiled code, instead of depending on on-stack replacement
 * of one long loop. Every step depends on the previous one, so the work cannot be vectorised or
 * overlapped, and the result is returned so it cannot be discarded.
 */
final class Kernels {
  /** An odd constant (from MurmurHash3's finaliser), so the multiply is a bijection. */
  private static final long MIX = 0xff51afd7ed558ccdL;

  /** Kept below 4 so the logistic map stays inside (0, 1) and never reaches 0 or 1. */
  private static final double GROWTH = 3.99;

  private Kernels() {}

  /**
   * One step is xor-shift, multiply and add: each is a bijection of the state, so the chain never
   * collapses to a constant the JIT or the hardware could exploit.
   */
  static long integer(long state, long ops) {
    long x = state;
    for (long i = 0; i < ops; i++) {
      x ^= x >>> 33;
      x *= MIX;
      x += i;
    }
    return x;
  }

  /**
   * One step is the logistic map {@code x <- r*x*(1-x)} written as two multiplies and a subtract:
   * chaotic for r = 3.99, so it neither overflows nor settles on a fixed point. Plain arithmetic
   * rather than {@link Math#fma}: CPUs without FMA (many Xen PV instance families) would fall back
   * to a slow software path and the probe would measure that instead.
   */
  static double floating(double state, long ops) {
    double x = state;
    for (long i = 0; i < ops; i++) {
      double rx = GROWTH * x;
      x = rx - rx * x;
    }
    return x;
  }
}
