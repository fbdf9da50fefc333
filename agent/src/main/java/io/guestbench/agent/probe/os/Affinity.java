package io.guestbench.agent.probe.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Errno;
import io.guestbench.agent.probe.os.libc.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The calling thread's CPU affinity through {@code sched_getaffinity} and {@code sched_setaffinity}
 * (pid 0 is the calling thread), so two threads can share one CPU and every handoff between them is
 * a real context switch.
 */
final class Affinity {
  /** A glibc {@code cpu_set_t}: 1024 CPUs. */
  static final int SET_BYTES = 128;

  private final MethodHandle get;
  private final MethodHandle set;

  private Affinity(MethodHandle get, MethodHandle set) {
    this.get = get;
    this.set = set;
  }

  static Bound<Affinity> bind(Libc libc) {
    FunctionDescriptor fd = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    return libc.function("sched_getaffinity", fd, Errno.capture())
        .flatMap(
            get ->
                libc.function("sched_setaffinity", fd, Errno.capture())
                    .map(set -> new Affinity(get, set)));
  }

  /** The CPUs the calling thread may run on, as a mask in {@code arena}. */
  Bound<MemorySegment> current(Arena arena) {
    MemorySegment mask = arena.allocate(SET_BYTES, 8);
    return call(get, mask, "sched_getaffinity").map(ok -> mask);
  }

  /** The lowest CPU in {@code mask}, or -1 for an empty mask. */
  static int firstCpu(MemorySegment mask) {
    for (int cpu = 0; cpu < SET_BYTES * 8; cpu++) {
      if ((mask.get(JAVA_BYTE, cpu / 8) & (1 << (cpu % 8))) != 0) {
        return cpu;
      }
    }
    return -1;
  }

  /** Binds the calling thread to {@code cpu} alone. */
  Bound<Integer> pin(int cpu) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment mask = arena.allocate(SET_BYTES, 8);
      mask.set(JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
      return call(set, mask, "sched_setaffinity").map(ok -> cpu);
    }
  }

  /** Gives the calling thread {@code mask} back, as {@link #current} read it. */
  Bound<Integer> restore(MemorySegment mask) {
    return call(set, mask, "sched_setaffinity");
  }

  private static Bound<Integer> call(MethodHandle f, MemorySegment mask, String name) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = Errno.allocate(arena);
      int rc = (int) f.invokeExact(errno, 0, (long) SET_BYTES, mask);
      return rc == 0
          ? Bound.ok(rc)
          : Bound.missing(name + " failed: " + Errno.describe(Errno.read(errno)));
    } catch (Throwable t) {
      throw CriticalCalls.rethrow(t);
    }
  }
}
