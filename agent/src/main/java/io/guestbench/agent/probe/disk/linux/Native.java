package io.guestbench.agent.probe.disk.linux;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Downcalls into the C library with errno captured right after the call, before the JVM can
 * overwrite it.
 */
final class Native {
  static final Linker LINKER = Linker.nativeLinker();
  static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

  private Native() {}

  /** A handle whose first argument is the segment that receives errno. */
  static MethodHandle withErrno(String symbol, FunctionDescriptor fd, Linker.Option... more) {
    Linker.Option[] options = Arrays.copyOf(more, more.length + 1);
    options[more.length] = Linker.Option.captureCallState("errno");
    return LINKER.downcallHandle(find(symbol), fd, options);
  }

  /** A handle for a function that returns its error number instead of setting errno. */
  static MethodHandle plain(String symbol, FunctionDescriptor fd) {
    return LINKER.downcallHandle(find(symbol), fd);
  }

  /** The errno the last call captured into {@code state}. */
  static int errno(MemorySegment state) {
    return (int) ERRNO.get(state, 0L);
  }

  static IllegalStateException unexpected(Throwable t) {
    // Downcalls only throw on a wrong handle type, which is a bug here, not a runtime condition.
    return new IllegalStateException("native call failed", t);
  }

  private static MemorySegment find(String symbol) {
    return LINKER
        .defaultLookup()
        .find(symbol)
        .orElseThrow(() -> new UnsatisfiedLinkError("no " + symbol + " in the C library"));
  }
}
