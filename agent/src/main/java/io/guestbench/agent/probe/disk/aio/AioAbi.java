package io.guestbench.agent.probe.disk.aio;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * The native AIO structures of {@code include/uapi/linux/aio_abi.h} as memory layouts. The field
 * order is the little-endian one (aio_key before aio_rw_flags), which both supported architectures
 * use; the sizes are fixed by the ABI at 64 and 32 bytes.
 */
public final class AioAbi {
  /** {@code IOCB_CMD_PREAD}. */
  public static final short CMD_PREAD = 0;

  /** {@code IOCB_CMD_PWRITE}. */
  public static final short CMD_PWRITE = 1;

  /** {@code struct iocb}. */
  public static final StructLayout IOCB =
      MemoryLayout.structLayout(
          JAVA_LONG.withName("aio_data"),
          JAVA_INT.withName("aio_key"),
          JAVA_INT.withName("aio_rw_flags"),
          JAVA_SHORT.withName("aio_lio_opcode"),
          JAVA_SHORT.withName("aio_reqprio"),
          JAVA_INT.withName("aio_fildes"),
          JAVA_LONG.withName("aio_buf"),
          JAVA_LONG.withName("aio_nbytes"),
          JAVA_LONG.withName("aio_offset"),
          JAVA_LONG.withName("aio_reserved2"),
          JAVA_INT.withName("aio_flags"),
          JAVA_INT.withName("aio_resfd"));

  /** {@code struct io_event}. */
  public static final StructLayout IO_EVENT =
      MemoryLayout.structLayout(
          JAVA_LONG.withName("data"),
          JAVA_LONG.withName("obj"),
          JAVA_LONG.withName("res"),
          JAVA_LONG.withName("res2"));

  /** {@code struct timespec} on LP64. */
  public static final StructLayout TIMESPEC =
      MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));

  private static final VarHandle DATA = handle(IOCB, "aio_data");
  private static final VarHandle OPCODE = handle(IOCB, "aio_lio_opcode");
  private static final VarHandle FILDES = handle(IOCB, "aio_fildes");
  private static final VarHandle BUF = handle(IOCB, "aio_buf");
  private static final VarHandle NBYTES = handle(IOCB, "aio_nbytes");
  private static final VarHandle OFFSET = handle(IOCB, "aio_offset");
  private static final VarHandle EVENT_DATA = handle(IO_EVENT, "data");
  private static final VarHandle EVENT_RES = handle(IO_EVENT, "res");

  private AioAbi() {}

  /**
   * Fills a zeroed iocb for a read or write. Only these fields change between requests; the rest
   * stay zero, as the kernel requires of the reserved ones.
   */
  public static void prepare(
      MemorySegment iocb, long data, short opcode, int fd, MemorySegment buffer, long offset) {
    DATA.set(iocb, 0L, data);
    OPCODE.set(iocb, 0L, opcode);
    FILDES.set(iocb, 0L, fd);
    BUF.set(iocb, 0L, buffer.address());
    NBYTES.set(iocb, 0L, buffer.byteSize());
    OFFSET.set(iocb, 0L, offset);
  }

  /** The {@code data} of the {@code index}th event in an array of events. */
  public static long eventData(MemorySegment events, long index) {
    return (long) EVENT_DATA.get(events, index * IO_EVENT.byteSize());
  }

  /** The {@code res} of the {@code index}th event: bytes transferred, or -errno. */
  public static long eventResult(MemorySegment events, long index) {
    return (long) EVENT_RES.get(events, index * IO_EVENT.byteSize());
  }

  private static VarHandle handle(StructLayout layout, String field) {
    return layout.varHandle(groupElement(field));
  }
}
