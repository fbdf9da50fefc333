package io.guestbench.agent.probe.cpu;

import java.util.Arrays;
import java.util.List;

/** The compute kernels: a dependent integer chain and a dependent floating-point chain. */
public enum Kernel {
  INT("int", 0x9E3779B97F4A7C15L),
  FP("fp", Double.doubleToRawLongBits(0.3141592653589793));

  private final String label;
  private final long seed;

  Kernel(String label, long seed) {
    this.label = label;
    this.seed = seed;
  }

  /** The parameter value naming this kernel. */
  public String label() {
    return label;
  }

  /** Every label, in declaration order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(Kernel::label).toList();
  }

  /** The kernel named {@code label}; see {@link #labels()}. */
  public static Kernel byLabel(String label) {
    return Arrays.stream(values())
        .filter(k -> k.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no kernel " + label));
  }

  /** The state every measured phase starts from, so equal parameters give equal checksums. */
  long seed() {
    return seed;
  }

  /** Runs {@code ops} dependent steps from {@code state} and returns the new state. */
  long run(long state, long ops) {
    return switch (this) {
      case INT -> Kernels.integer(state, ops);
      case FP -> Double.doubleToRawLongBits(Kernels.floating(Double.longBitsToDouble(state), ops));
    };
  }
}
