package io.guestbench.agent.probe.os;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.guestbench.agent.probe.method.Operation;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The timed loops of the FFM calls, one class each so that the JIT profiles and compiles each loop
 * on its own. Every result is summed into the return value, so no call is dead.
 */
final class NativeLoops {
  private NativeLoops() {}

  /** Calls an {@code int f(void)} function, such as {@code getppid} or {@code getpagesize}. */
  static Operation intCalls(MethodHandle function, boolean baseline) {
    return baseline ? new Baseline(function) : new Calls(function);
  }

  /** Asks {@code sigismember} about one signal of an empty set, the clock reads' baseline. */
  static Operation pointerCalls(MethodHandle sigismember, MemorySegment sigset) {
    return new PointerCalls(sigismember, sigset);
  }

  /** Reads one clock through {@code clock_gettime} into {@code timespec}. */
  static Operation clockReads(MethodHandle clockGettime, int clockId, MemorySegment timespec) {
    return new ClockReads(clockGettime, clockId, timespec);
  }

  private record Calls(MethodHandle function) implements Operation {
    @Override
    public long run(long units) {
      long sum = 0;
      try {
        for (long i = 0; i < units; i++) {
          sum += (int) function.invokeExact();
        }
      } catch (Throwable t) {
        throw CriticalCalls.rethrow(t);
      }
      return sum;
    }
  }

  /** The same loop as {@link Calls}, as its own class so the two never share a profile. */
  private record Baseline(MethodHandle function) implements Operation {
    @Override
    public long run(long units) {
      long sum = 0;
      try {
        for (long i = 0; i < units; i++) {
          sum += (int) function.invokeExact();
        }
      } catch (Throwable t) {
        throw CriticalCalls.rethrow(t);
      }
      return sum;
    }
  }

  private record PointerCalls(MethodHandle function, MemorySegment sigset) implements Operation {
    /** SIGINT: any valid signal will do; the set is empty, so the answer is always 0. */
    private static final int SIGNAL = 2;

    @Override
    public long run(long units) {
      long sum = 0;
      try {
        for (long i = 0; i < units; i++) {
          sum += (int) function.invokeExact(sigset, SIGNAL);
        }
      } catch (Throwable t) {
        throw CriticalCalls.rethrow(t);
      }
      return sum;
    }
  }

  private record ClockReads(MethodHandle clockGettime, int clockId, MemorySegment timespec)
      implements Operation {
    @Override
    public long run(long units) {
      long sum = 0;
      try {
        for (long i = 0; i < units; i++) {
          sum += (int) clockGettime.invokeExact(clockId, timespec);
          sum += timespec.get(JAVA_LONG, 8); // tv_nsec, read as a C caller would
        }
      } catch (Throwable t) {
        throw CriticalCalls.rethrow(t);
      }
      return sum;
    }
  }
}
