package io.guestbench.agent.probe.os.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.util.Map;

/**
 * The errno of calls bound with {@link #capture()}: their handles take a capture segment as the
 * first argument, which {@link #read} reads after the call.
 */
public final class Errno {
  private static final StructLayout LAYOUT = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = LAYOUT.varHandle(PathElement.groupElement("errno"));

  /** The few a probe can meet; the same numbers on every Linux architecture the probes run on. */
  private static final Map<Integer, String> NAMES =
      Map.of(1, "EPERM", 3, "ESRCH", 12, "ENOMEM", 14, "EFAULT", 22, "EINVAL", 38, "ENOSYS");

  private Errno() {}

  /** The linker option that makes a handle capture errno. */
  public static Linker.Option capture() {
    return Linker.Option.captureCallState("errno");
  }

  /** A capture segment for one thread's calls. */
  public static MemorySegment allocate(Arena arena) {
    return arena.allocate(LAYOUT);
  }

  /** The errno the last call through {@code state} left. */
  public static int read(MemorySegment state) {
    return (int) ERRNO.get(state, 0L);
  }

  /** For example {@code errno 12 (ENOMEM)}. */
  public static String describe(int errno) {
    String name = NAMES.get(errno);
    return "errno " + errno + (name == null ? "" : " (" + name + ")");
  }
}
