package io.guestbench.agent.probe.mem;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import io.guestbench.agent.probe.method.Operation;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One unit is one pass of a STREAM kernel over off-heap arrays: off-heap so their size is not
 * bounded by the agent's small heap and no garbage collector moves or scans them. The loops are
 * plain indexed loops, which C2 vectorises as a C compiler would.
 */
final class StreamPass implements Operation {
  static final double SCALAR = 3.0;

  private final StreamKernel kernel;
  private final long elements;
  private final MemorySegment a;
  private final MemorySegment b;
  private final MemorySegment c;

  /** Allocates and fills the arrays in {@code arena}, so every page is touched before timing. */
  StreamPass(StreamKernel kernel, long arrayBytes, Arena arena) {
    this.kernel = kernel;
    this.elements = arrayBytes / Double.BYTES;
    a = filled(arena, 1.0);
    b = filled(arena, 2.0);
    c = kernel == StreamKernel.TRIAD ? filled(arena, 0.5) : MemorySegment.NULL;
  }

  private MemorySegment filled(Arena arena, double value) {
    MemorySegment s = arena.allocate(elements * Double.BYTES, 64);
    for (long i = 0; i < elements; i++) {
      s.setAtIndex(JAVA_DOUBLE, i, value);
    }
    return s;
  }

  @Override
  public long run(long units) {
    for (long u = 0; u < units; u++) {
      switch (kernel) {
        case COPY -> copy(a, b, elements);
        case TRIAD -> triad(a, b, c, elements);
      }
    }
    return Double.doubleToRawLongBits(a.getAtIndex(JAVA_DOUBLE, elements - 1));
  }

  /** Bytes one pass moves. */
  long bytesPerPass() {
    return kernel.bytesPerPass(elements);
  }

  private static void copy(MemorySegment from, MemorySegment to, long n) {
    for (long i = 0; i < n; i++) {
      to.setAtIndex(JAVA_DOUBLE, i, from.getAtIndex(JAVA_DOUBLE, i));
    }
  }

  private static void triad(MemorySegment to, MemorySegment x, MemorySegment y, long n) {
    for (long i = 0; i < n; i++) {
      to.setAtIndex(
          JAVA_DOUBLE, i, x.getAtIndex(JAVA_DOUBLE, i) + SCALAR * y.getAtIndex(JAVA_DOUBLE, i));
    }
  }
}
