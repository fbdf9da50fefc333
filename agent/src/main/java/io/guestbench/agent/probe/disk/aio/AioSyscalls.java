package io.guestbench.agent.probe.disk.aio;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.guestbench.agent.probe.disk.linux.Arch;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The four native AIO system calls through the C library's variadic {@code syscall(2)}: glibc has
 * no wrappers for them, and libaio would be a native dependency. Every variadic argument is passed
 * as a 64-bit value because {@code syscall} reads them as {@code long}.
 */
final class AioSyscalls {
  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

  // Each list is the call's own arguments; syscall() adds the number in front.
  private static final MethodHandle SETUP = syscall(JAVA_LONG, ADDRESS);
  private static final MethodHandle DESTROY = syscall(JAVA_LONG);
  private static final MethodHandle SUBMIT = syscall(JAVA_LONG, JAVA_LONG, ADDRESS);
  private static final MethodHandle GETEVENTS =
      syscall(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS);

  private final Arch arch;
  private final MemorySegment state;

  AioSyscalls(Arch arch, Arena arena) {
    this.arch = arch;
    this.state = arena.allocate(CAPTURE);
  }

  long setup(int depth, MemorySegment contextHolder) {
    try {
      return result((long) SETUP.invokeExact(state, arch.ioSetup(), (long) depth, contextHolder));
    } catch (Throwable t) {
      throw unexpected(t);
    }
  }

  long destroy(long context) {
    try {
      return result((long) DESTROY.invokeExact(state, arch.ioDestroy(), context));
    } catch (Throwable t) {
      throw unexpected(t);
    }
  }

  long submit(long context, int n, MemorySegment iocbPointers) {
    try {
      return result(
          (long) SUBMIT.invokeExact(state, arch.ioSubmit(), context, (long) n, iocbPointers));
    } catch (Throwable t) {
      throw unexpected(t);
    }
  }

  long getEvents(long context, int min, int max, MemorySegment events, MemorySegment timeout) {
    try {
      return result(
          (long)
              GETEVENTS.invokeExact(
                  state, arch.ioGetevents(), context, (long) min, (long) max, events, timeout));
    } catch (Throwable t) {
      throw unexpected(t);
    }
  }

  private long result(long r) {
    return r < 0 ? -(int) ERRNO.get(state, 0L) : r;
  }

  private static MethodHandle syscall(MemoryLayout... args) {
    MemoryLayout[] all = new MemoryLayout[args.length + 1];
    all[0] = JAVA_LONG; // the system call number, the one fixed argument
    System.arraycopy(args, 0, all, 1, args.length);
    return LINKER.downcallHandle(
        LINKER.defaultLookup().find("syscall").orElseThrow(),
        FunctionDescriptor.of(JAVA_LONG, all),
        Linker.Option.firstVariadicArg(1),
        Linker.Option.captureCallState("errno"));
  }

  private static IllegalStateException unexpected(Throwable t) {
    return new IllegalStateException("native AIO call failed", t);
  }
}
