package io.guestbench.agent.probe.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Libc;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * The C functions the syscall and clock probes time, bound as critical downcalls: they are short,
 * never block and never call back into Java, so the JVM may skip its thread-state transition and
 * the FFM's own cost (which the probes subtract anyway) stays a few nanoseconds.
 */
final class CriticalCalls {
  private static final Linker.Option CRITICAL = Linker.Option.critical(false);

  private CriticalCalls() {}

  /** {@code pid_t getppid(void)}: a real system call that does almost nothing in the kernel. */
  static Bound<MethodHandle> getppid(Libc libc) {
    return libc.function("getppid", FunctionDescriptor.of(JAVA_INT), CRITICAL);
  }

  /**
   * {@code int getpagesize(void)}, the baseline: the same shape of call as {@code getppid} (no
   * arguments, an int back) into the same library, but glibc and musl answer it from memory without
   * entering the kernel. {@code getpid} would not do: glibc stopped caching the pid in 2.25, so it
   * is a system call too.
   */
  static Bound<MethodHandle> getpagesize(Libc libc) {
    return libc.function("getpagesize", FunctionDescriptor.of(JAVA_INT), CRITICAL);
  }

  /**
   * {@code int sigismember(const sigset_t *, int)}, the baseline for {@code clock_gettime}: a call
   * of the same shape (a pointer to caller memory and an int, an int back; the FFM's cost grows
   * with its arguments) that only tests a bit in memory and never enters the kernel.
   */
  static Bound<MethodHandle> sigismember(Libc libc) {
    return libc.function(
        "sigismember", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), CRITICAL);
  }

  /** {@code int clock_gettime(clockid_t, struct timespec *)}. */
  static Bound<MethodHandle> clockGettime(Libc libc) {
    return libc.function(
        "clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), CRITICAL);
  }

  /** A failure inside a downcall, which none of these functions has; unchecked for the loops. */
  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
