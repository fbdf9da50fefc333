package io.guestbench.agent.probe.os;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.guestbench.agent.probe.method.Operation;
import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.function.LongSupplier;

/**
 * One clock, as a timed operation (many reads back to back) and as a value in nanoseconds (for its
 * step). A {@code clock_gettime} clock comes with the FFM baseline call its reads are measured
 * against.
 *
 * @param clock which clock
 * @param reads the timed operation
 * @param value one read, in nanoseconds
 * @param baseline an FFM call that does nothing, or null for the JVM's own clocks
 */
record ClockReader(ClockId clock, Operation reads, LongSupplier value, Operation baseline) {
  private static final long TIMESPEC_BYTES = 16; // two 64-bit fields on every 64-bit Linux
  private static final long SIGSET_BYTES = 128; // glibc's sigset_t, larger than the kernel's

  /** The reader of {@code clock}, with its memory in {@code arena}, or why there is none. */
  static Bound<ClockReader> bind(ClockId clock, Libc libc, Arena arena) {
    return switch (clock) {
      case NANOTIME ->
          Bound.ok(new ClockReader(clock, ClockReader::nanoTimes, System::nanoTime, null));
      case CURRENT_TIME_MILLIS ->
          Bound.ok(new ClockReader(clock, ClockReader::millis, ClockReader::millisAsNanos, null));
      case MONOTONIC, REALTIME, MONOTONIC_RAW, MONOTONIC_COARSE ->
          CriticalCalls.clockGettime(libc)
              .flatMap(
                  gettime ->
                      CriticalCalls.sigismember(libc)
                          .flatMap(noop -> viaClockGettime(clock, gettime, noop, arena)));
    };
  }

  private static Bound<ClockReader> viaClockGettime(
      ClockId clock, MethodHandle gettime, MethodHandle noop, Arena arena) {
    MemorySegment timespec = arena.allocate(TIMESPEC_BYTES, 8);
    MemorySegment sigset = arena.allocate(SIGSET_BYTES, 8); // zeroed: the empty set
    LongSupplier value = () -> read(gettime, clock.linuxId(), timespec);
    if (value.getAsLong() < 0) {
      return Bound.missing(
          "clock_gettime(" + clock.label() + ") failed: this kernel does not have that clock");
    }
    return Bound.ok(
        new ClockReader(
            clock,
            NativeLoops.clockReads(gettime, clock.linuxId(), timespec),
            value,
            NativeLoops.pointerCalls(noop, sigset)));
  }

  /** Nanoseconds since the clock's epoch, or -1 when the call fails. */
  private static long read(MethodHandle gettime, int clockId, MemorySegment timespec) {
    try {
      int rc = (int) gettime.invokeExact(clockId, timespec);
      return rc != 0
          ? -1
          : timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
    } catch (Throwable t) {
      throw CriticalCalls.rethrow(t);
    }
  }

  private static long nanoTimes(long units) {
    long sum = 0;
    for (long i = 0; i < units; i++) {
      sum += System.nanoTime();
    }
    return sum;
  }

  private static long millis(long units) {
    long sum = 0;
    for (long i = 0; i < units; i++) {
      sum += System.currentTimeMillis();
    }
    return sum;
  }

  private static long millisAsNanos() {
    return System.currentTimeMillis() * 1_000_000L;
  }
}
