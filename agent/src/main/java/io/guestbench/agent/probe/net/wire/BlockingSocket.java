package io.guestbench.agent.probe.net.wire;

import io.netty.channel.Channel;
import io.netty.channel.unix.UnixChannel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A connection Netty opened (TCP, or UDP connected to one peer), taken over for blocking
 * request/response: a duplicate of its descriptor in blocking mode, written and read by one thread
 * with one system call per message, as netperf and sockperf do. An event loop would add an {@code
 * epoll_wait} and its own work to every message on both ends, about 2 µs per round trip: overhead
 * of ours, not of the network. A client's waits are cut into slices by kernel socket timeouts, so a
 * stop or a deadline is seen within one; an answering end's waits are not, since a timed wait arms
 * and cancels a kernel timer on every sleep (about 0.25 µs a round trip per end on a VM), and only
 * a {@link #shutdown} ends them.
 */
public final class BlockingSocket implements AutoCloseable {
  /** Longest single wait in a read or write, after which the caller is asked whether to go on. */
  static final long SLICE_MICROS = 100_000;

  /** How a read or write ended. */
  public enum Io {
    DONE,
    /** The other end closed the connection. */
    CLOSED,
    /** The caller said to stop. */
    STOPPED,
    /** The kernel reported an error, for example a reset. */
    FAILED
  }

  private final Arena arena = Arena.ofShared();
  private final SocketCalls calls = new SocketCalls(arena);
  private final SocketCalls stopper = new SocketCalls(arena);
  private final int fd;
  private boolean closed; // guarded by this: shutdown must never reach a reused descriptor

  private BlockingSocket(int fd) {
    this.fd = fd;
  }

  /** One datagram, or how the wait for it ended. */
  public record Received(Io io, long bytes) {}

  /**
   * Takes over a native channel's connected socket (TCP, or UDP connected to its one peer), or
   * empty where that is not possible (NIO, or no native access). The caller then stops the channel
   * reading; it stays open until the caller closes it. Waits come back to the caller every slice.
   */
  public static Optional<BlockingSocket> takeOver(Channel channel) {
    return takeOver(channel, SLICE_MICROS);
  }

  /**
   * As {@link #takeOver(Channel)}, for an end that only answers: its waits have no time limit and
   * end when data comes, or when {@link #shutdown} is called from another thread.
   */
  public static Optional<BlockingSocket> takeOverUntilShutdown(Channel channel) {
    return takeOver(channel, 0);
  }

  private static Optional<BlockingSocket> takeOver(Channel channel, long sliceMicros) {
    if (!(channel instanceof UnixChannel unix) || !channel.isOpen()) {
      return Optional.empty();
    }
    try (Arena scratch = Arena.ofConfined()) {
      SocketCalls calls = new SocketCalls(scratch);
      return Optional.of(
          new BlockingSocket(calls.dupBlocking(unix.fd().intValue(), sliceMicros, scratch)));
    } catch (Throwable e) { // no native access, or the call failed: the event loop path still works
      return Optional.empty();
    }
  }

  /** A buffer of {@code bytes} that lives as long as this socket. */
  public MemorySegment buffer(long bytes) {
    return arena.allocate(bytes, 64);
  }

  /** Writes the first {@code n} bytes of {@code from}. */
  public Io writeFully(MemorySegment from, long n, BooleanSupplier goOn) {
    long done = 0;
    while (done < n) {
      long r = call(from, done, n, true);
      if (r < 0 && r != -SocketCalls.EAGAIN && r != -SocketCalls.EINTR) {
        return Io.FAILED;
      }
      if (r > 0) {
        done += r;
      } else if (!goOn.getAsBoolean()) {
        return Io.STOPPED;
      }
    }
    return Io.DONE;
  }

  /** Reads exactly {@code n} bytes into the start of {@code into}. */
  public Io readFully(MemorySegment into, long n, BooleanSupplier goOn) {
    long done = 0;
    while (done < n) {
      long r = call(into, done, n, false);
      if (r == 0) {
        return Io.CLOSED;
      }
      if (r < 0 && r != -SocketCalls.EAGAIN && r != -SocketCalls.EINTR) {
        return Io.FAILED;
      }
      if (r > 0) {
        done += r;
      } else if (!goOn.getAsBoolean()) {
        return Io.STOPPED;
      }
    }
    return Io.DONE;
  }

  /** Receives one datagram of at most {@code max} bytes into {@code into}. */
  public Received receive(MemorySegment into, long max, BooleanSupplier goOn) {
    while (true) {
      long r = call(into, 0, max, false);
      if (r > 0) {
        return new Received(Io.DONE, r);
      }
      if (r == 0) {
        return new Received(Io.CLOSED, 0); // shut down: our datagrams are never empty
      }
      if (r != -SocketCalls.EAGAIN && r != -SocketCalls.EINTR) {
        return new Received(Io.FAILED, 0); // for example ECONNREFUSED: an ICMP port unreachable
      }
      if (!goOn.getAsBoolean()) {
        return new Received(Io.STOPPED, 0);
      }
    }
  }

  private long call(MemorySegment buffer, long done, long n, boolean write) {
    try {
      return write
          ? calls.write(fd, buffer, done, n - done)
          : calls.read(fd, buffer, done, n - done);
    } catch (Throwable e) {
      throw new IllegalStateException("socket call failed", e);
    }
  }

  /** Ends the connection both ways, waking a blocked reader; from any thread. */
  public synchronized void shutdown() {
    if (!closed) {
      try {
        stopper.shutdown(fd);
      } catch (Throwable e) {
        // already gone
      }
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        calls.close(fd);
      } catch (Throwable e) {
        // nothing more to release
      }
      arena.close();
    }
  }
}
