package io.guestbench.agent.probe.disk.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The file system calls of the disk probe, straight to the C library through the FFM API. Every
 * call returns what the C call returns when it succeeds and {@code -errno} when it fails, so a
 * failure is a value, not an exception. One instance per thread: errno lands in its own segment.
 */
public final class Posix {
  public static final int O_RDONLY = 0;
  public static final int O_WRONLY = 1;
  public static final int O_RDWR = 2;
  public static final int O_CREAT = 0100;
  public static final int O_EXCL = 0200;
  public static final int O_CLOEXEC = 02000000;

  public static final int SEEK_END = 2;

  /** Linux 3.1+: the first hole at or after the offset, or the end of the file. */
  public static final int SEEK_HOLE = 4;

  public static final int POSIX_FADV_DONTNEED = 4;

  private static final int PROT_READ_WRITE = 0x1 | 0x2;
  private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;

  private static final MethodHandle OPEN =
      Native.withErrno(
          "open",
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
          Linker.Option.firstVariadicArg(2));
  private static final MethodHandle CLOSE =
      Native.withErrno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle PREAD =
      Native.withErrno(
          "pread", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
  private static final MethodHandle PWRITE =
      Native.withErrno(
          "pwrite", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
  private static final MethodHandle FSYNC =
      Native.withErrno("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle FDATASYNC =
      Native.withErrno("fdatasync", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle LSEEK =
      Native.withErrno("lseek", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));
  private static final MethodHandle FADVISE =
      Native.plain(
          "posix_fadvise",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));

  private static final MethodHandle MMAP =
      Native.withErrno(
          "mmap",
          FunctionDescriptor.of(
              ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
  private static final MethodHandle MUNMAP =
      Native.plain("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));

  private final MemorySegment state;

  /** Allocates the errno segment in {@code arena}, which must outlive this object's use. */
  public Posix(Arena arena) {
    this.state = arena.allocate(Native.CAPTURE);
  }

  /** {@code open(2)}: a file descriptor, or -errno. */
  public int open(Path path, int flags, int mode) {
    try (Arena temp = Arena.ofConfined()) {
      MemorySegment name = temp.allocateFrom(path.toString());
      int fd = (int) OPEN.invokeExact(state, name, flags, mode);
      return fd < 0 ? -Native.errno(state) : fd;
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }

  /** {@code pread(2)}: bytes read, or -errno. */
  public long pread(int fd, MemorySegment buffer, long count, long offset) {
    try {
      long n = (long) PREAD.invokeExact(state, fd, buffer, count, offset);
      return n < 0 ? -Native.errno(state) : n;
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }

  /** {@code pwrite(2)}: bytes written, or -errno. */
  public long pwrite(int fd, MemorySegment buffer, long count, long offset) {
    try {
      long n = (long) PWRITE.invokeExact(state, fd, buffer, count, offset);
      return n < 0 ? -Native.errno(state) : n;
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }

  /** {@code fsync(2)}: 0, or -errno. */
  public int fsync(int fd) {
    return intCall(FSYNC, fd);
  }

  /** {@code fdatasync(2)}: 0, or -errno. */
  public int fdatasync(int fd) {
    return intCall(FDATASYNC, fd);
  }

  /** {@code close(2)}: 0, or -errno. */
  public int close(int fd) {
    return intCall(CLOSE, fd);
  }

  /** {@code lseek(2)}: the new offset, or -errno. */
  public long lseek(int fd, long offset, int whence) {
    try {
      long n = (long) LSEEK.invokeExact(state, fd, offset, whence);
      return n < 0 ? -Native.errno(state) : n;
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }

  /** {@code posix_fadvise(2)}: 0, or -errno. */
  public int fadvise(int fd, long offset, long length, int advice) {
    try {
      return -(int) FADVISE.invokeExact(fd, offset, length, advice);
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }

  /**
   * {@code mmap(2)} of {@code length} bytes of private anonymous memory, page-aligned and unmapped
   * when {@code arena} closes; {@link MemorySegment#NULL} when it failed, with the errno in {@link
   * #lastErrno()}. Unlike {@link Arena#allocate}, which zero-fills and so faults every page in at
   * once, the pages stay untouched until first used, as with C's malloc.
   */
  public MemorySegment mapAnonymous(long length, Arena arena) {
    try {
      MemorySegment at =
          (MemorySegment)
              MMAP.invokeExact(
                  state,
                  MemorySegment.NULL,
                  length,
                  PROT_READ_WRITE,
                  MAP_PRIVATE_ANONYMOUS,
                  -1,
                  0L);
      if (at.address() == -1L) { // MAP_FAILED
        return MemorySegment.NULL;
      }
      return at.reinterpret(length, arena, Posix::unmap);
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }

  /** The errno of the last failed call that reports failure by a value other than -errno. */
  public int lastErrno() {
    return Native.errno(state);
  }

  private static void unmap(MemorySegment mapping) {
    try {
      // Cannot fail for a whole mapping this class made; nothing to do about it at close anyway.
      int ignored = (int) MUNMAP.invokeExact(mapping, mapping.byteSize());
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }

  private int intCall(MethodHandle handle, int fd) {
    try {
      int r = (int) handle.invokeExact(state, fd);
      return r < 0 ? -Native.errno(state) : r;
    } catch (Throwable t) {
      throw Native.unexpected(t);
    }
  }
}
