package io.guestbench.agent.probe.net.wire;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few POSIX socket calls blocking request/response needs, through the FFM API with errno
 * captured. Linux x86_64 and aarch64 share every constant used here. Each method returns the call's
 * result, or a negative errno.
 */
final class SocketCalls {
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  private static final int F_GETFL = 3;
  private static final int F_SETFL = 4;
  private static final int O_NONBLOCK = 0x800;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVTIMEO = 20;
  private static final int SO_SNDTIMEO = 21;
  private static final int SHUT_RDWR = 2;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  private static final ValueLayout ADDRESS = ValueLayout.ADDRESS;

  private static final MethodHandle DUP = call("dup", FunctionDescriptor.of(INT, INT));
  private static final MethodHandle GETFL = call("fcntl", FunctionDescriptor.of(INT, INT, INT));
  private static final MethodHandle SETFL =
      call("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), Linker.Option.firstVariadicArg(2));
  private static final MethodHandle READ =
      call("read", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG));
  private static final MethodHandle WRITE =
      call("write", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG));
  private static final MethodHandle SETSOCKOPT =
      call("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, ADDRESS, INT));
  private static final MethodHandle SHUTDOWN =
      call("shutdown", FunctionDescriptor.of(INT, INT, INT));
  private static final MethodHandle CLOSE = call("close", FunctionDescriptor.of(INT, INT));

  /** Where one thread's calls leave errno; each thread using the calls owns one. */
  private final MemorySegment state;

  SocketCalls(Arena arena) {
    this.state = arena.allocate(STATE);
  }

  /**
   * A second descriptor of the same socket, in blocking mode, with send and receive timeouts, or
   * none when {@code timeoutMicros} is 0.
   */
  int dupBlocking(int fd, long timeoutMicros, Arena arena) throws Throwable {
    int copy = check((int) DUP.invokeExact(state, fd));
    int flags = check((int) GETFL.invokeExact(state, copy, F_GETFL));
    check((int) SETFL.invokeExact(state, copy, F_SETFL, flags & ~O_NONBLOCK));
    if (timeoutMicros == 0) {
      return copy;
    }
    MemorySegment timeval = arena.allocate(16);
    timeval.set(LONG, 0, timeoutMicros / 1_000_000);
    timeval.set(LONG, 8, timeoutMicros % 1_000_000);
    check((int) SETSOCKOPT.invokeExact(state, copy, SOL_SOCKET, SO_RCVTIMEO, timeval, 16));
    check((int) SETSOCKOPT.invokeExact(state, copy, SOL_SOCKET, SO_SNDTIMEO, timeval, 16));
    return copy;
  }

  long read(int fd, MemorySegment buffer, long offset, long n) throws Throwable {
    long r = (long) READ.invokeExact(state, fd, buffer.asSlice(offset), n);
    return r >= 0 ? r : -errno();
  }

  long write(int fd, MemorySegment buffer, long offset, long n) throws Throwable {
    long r = (long) WRITE.invokeExact(state, fd, buffer.asSlice(offset), n);
    return r >= 0 ? r : -errno();
  }

  void shutdown(int fd) throws Throwable {
    int ignored = (int) SHUTDOWN.invokeExact(state, fd, SHUT_RDWR);
  }

  void close(int fd) throws Throwable {
    int ignored = (int) CLOSE.invokeExact(state, fd);
  }

  private int check(int result) {
    if (result < 0) {
      throw new IllegalStateException("socket call failed, errno " + errno());
    }
    return result;
  }

  private int errno() {
    return (int) ERRNO.get(state, 0L);
  }

  private static MethodHandle call(
      String name, FunctionDescriptor descriptor, Linker.Option... more) {
    Linker.Option[] options = new Linker.Option[more.length + 1];
    options[0] = ERRNO_OPTION;
    System.arraycopy(more, 0, options, 1, more.length);
    return LINKER
        .defaultLookup()
        .find(name)
        .map(address -> LINKER.downcallHandle(address, descriptor, options))
        .orElseThrow(() -> new UnsupportedOperationException("no " + name + " in libc"));
  }
}
