package io.guestbench.agent.probe.disk.aio;

import io.guestbench.agent.probe.disk.linux.Arch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One kernel AIO context ({@code io_setup}) and the calls on it. Not thread-safe: it belongs to the
 * job thread that created it. Results are counts or -errno, never exceptions.
 */
public final class AioContext implements AutoCloseable {
  private final AioSyscalls calls;
  private final long context;
  private final int depth;
  private boolean closed;

  private AioContext(AioSyscalls calls, long context, int depth) {
    this.calls = calls;
    this.context = context;
    this.depth = depth;
  }

  /** What {@link #open} gives: a context, or the errno of {@code io_setup}. */
  public sealed interface Opened {}

  /** A working context. */
  public record Ready(AioContext context) implements Opened {}

  /** {@code io_setup} failed; {@code EAGAIN} means /proc/sys/fs/aio-max-nr is exhausted. */
  public record Failed(int errno) implements Opened {}

  /** Sets up a context for up to {@code depth} requests in flight. */
  public static Opened open(Arch arch, Arena arena, int depth) {
    AioSyscalls calls = new AioSyscalls(arch, arena);
    MemorySegment holder = arena.allocate(ValueLayout.JAVA_LONG); // aio_context_t, zeroed
    long r = calls.setup(depth, holder);
    if (r < 0) {
      return new Failed((int) -r);
    }
    return new Ready(new AioContext(calls, holder.get(ValueLayout.JAVA_LONG, 0), depth));
  }

  /** The depth the context was set up for. */
  public int depth() {
    return depth;
  }

  /**
   * Submits the first {@code n} iocb pointers of {@code iocbPointers}: how many went, or -errno.
   */
  public long submit(MemorySegment iocbPointers, int n) {
    return calls.submit(context, n, iocbPointers);
  }

  /**
   * Waits for between {@code min} and {@code max} completions or until {@code timeout} (a timespec)
   * passes: how many arrived, or -errno ({@code EINTR} after a signal).
   */
  public long getEvents(int min, int max, MemorySegment events, MemorySegment timeout) {
    return calls.getEvents(context, min, max, events, timeout);
  }

  /**
   * Destroys the context. The kernel first waits for requests still in flight, so buffers may be
   * freed after this returns.
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      calls.destroy(context);
    }
  }
}
