package io.guestbench.agent.probe.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
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
 * Fresh anonymous memory straight from {@code mmap}, so that nothing (no allocator, no JVM) has
 * touched its pages: the first write to each one is a page fault.
 */
final class AnonymousMemory {
  // The same values on x86-64 and AArch64, the architectures Libc admits.
  static final int PROT_READ_WRITE = 0x1 | 0x2;
  static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
  static final int MADV_NOHUGEPAGE = 15;
  static final int EINVAL = 22;

  private final MethodHandle mmap;
  private final MethodHandle munmap;
  private final MethodHandle madvise;
  private final MemorySegment errno;

  private AnonymousMemory(
      MethodHandle mmap, MethodHandle munmap, MethodHandle madvise, Arena arena) {
    this.mmap = mmap;
    this.munmap = munmap;
    this.madvise = madvise;
    this.errno = Errno.allocate(arena);
  }

  /** The three calls, with errno captured; the capture segment lives in {@code arena}. */
  static Bound<AnonymousMemory> bind(Libc libc, Arena arena) {
    FunctionDescriptor mmapFd =
        FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    return libc.function("mmap", mmapFd, Errno.capture())
        .flatMap(
            mmap ->
                libc.function("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG))
                    .flatMap(
                        munmap ->
                            libc.function(
                                    "madvise",
                                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT),
                                    Errno.capture())
                                .map(
                                    madvise -> new AnonymousMemory(mmap, munmap, madvise, arena))));
  }

  /**
   * {@code bytes} of fresh memory; with {@code noHugePages} the kernel is asked not to back it with
   * huge pages, so every 4 KiB page faults on its own (a kernel without THP refuses the advice with
   * EINVAL, which changes nothing).
   */
  Bound<MemorySegment> map(long bytes, boolean noHugePages) {
    try {
      MemorySegment address =
          (MemorySegment)
              mmap.invokeExact(
                  errno, MemorySegment.NULL, bytes, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
      if (address.address() == -1L) {
        return Bound.missing(
            "mmap of " + bytes + " bytes failed: " + Errno.describe(Errno.read(errno)));
      }
      if (noHugePages) {
        int rc = (int) madvise.invokeExact(errno, address, bytes, MADV_NOHUGEPAGE);
        if (rc != 0 && Errno.read(errno) != EINVAL) {
          unmap(address.reinterpret(bytes));
          return Bound.missing(
              "madvise(MADV_NOHUGEPAGE) failed: " + Errno.describe(Errno.read(errno)));
        }
      }
      return Bound.ok(address.reinterpret(bytes));
    } catch (Throwable t) {
      throw CriticalCalls.rethrow(t);
    }
  }

  /** Returns the memory; a failure here would be a bug, not a property of the machine. */
  void unmap(MemorySegment region) {
    try {
      int rc = (int) munmap.invokeExact(region, region.byteSize());
      if (rc != 0) {
        throw new IllegalStateException("munmap failed");
      }
    } catch (Throwable t) {
      throw CriticalCalls.rethrow(t);
    }
  }
}
