package io.guestbench.agent.probe.mem;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.guestbench.agent.probe.method.Operation;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A dependent random walk over a buffer: every 64-byte line holds the offset of the next line to
 * load, and the lines form one cycle in random order (Sattolo's algorithm), so each load must wait
 * for the one before and the prefetchers cannot guess the next. One unit is one load.
 */
final class PointerChase implements Operation {
  static final long LINE = 64;

  /** A few thousand loads per batch, so a batch lasts microseconds even on a fast cache. */
  static final long MIN_LOADS = 1024;

  private final MemorySegment buffer;
  private long position;

  /** Builds the cycle over {@code bytes} in {@code arena} from {@code seed}. */
  PointerChase(long bytes, long seed, Arena arena) {
    long lines = bytes / LINE;
    if (lines < 2) {
      throw new IllegalArgumentException(bytes + " bytes is not two lines");
    }
    buffer = arena.allocate(lines * LINE, LINE);
    link(buffer, lines, seed);
  }

  /**
   * Sattolo's shuffle of the identity, done in place on the stored offsets: the result is a single
   * cycle through every line. The same seed gives the same cycle as bench/c/os_ref.c.
   */
  static void link(MemorySegment buffer, long lines, long seed) {
    for (long i = 0; i < lines; i++) {
      buffer.set(JAVA_LONG, i * LINE, i * LINE);
    }
    SplitMix64 random = new SplitMix64(seed);
    for (long i = lines - 1; i > 0; i--) {
      long j = Long.remainderUnsigned(random.next(), i); // 0..i-1: never itself, so one cycle
      long a = buffer.get(JAVA_LONG, i * LINE);
      buffer.set(JAVA_LONG, i * LINE, buffer.get(JAVA_LONG, j * LINE));
      buffer.set(JAVA_LONG, j * LINE, a);
    }
  }

  @Override
  public long run(long units) {
    long p = position;
    for (long i = 0; i < units; i++) {
      p = buffer.get(JAVA_LONG, p);
    }
    position = p;
    return p;
  }

  @Override
  public long minUnits() {
    return MIN_LOADS;
  }

  /** Steele, Lea and Flood's SplitMix64: tiny, and easy to write the same way in C. */
  static final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
      state = seed;
    }

    long next() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
