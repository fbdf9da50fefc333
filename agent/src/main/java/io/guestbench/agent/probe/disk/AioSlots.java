package io.guestbench.agent.probe.disk;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.guestbench.agent.probe.disk.aio.AioAbi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The native memory of one AIO job thread: an iocb and a block buffer per slot (one slot per
 * request the queue may hold), the iocb pointer array io_submit reads, and the io_event array
 * io_getevents fills. Tracks which slots are idle, waiting to be submitted, or in flight.
 */
final class AioSlots {
  private final MemorySegment[] iocbs;
  private final MemorySegment[] blocks;
  private final MemorySegment pointers;
  private final MemorySegment events;
  private final MemorySegment timeout;
  private final long[] offsets;
  private final long[] startedAt;
  private final long[] issuedAt;
  private final boolean[] reads;
  private final int[] idle;
  private final int[] pending;
  private int idleCount;
  private int pendingCount;
  private int inFlight;

  AioSlots(Arena arena, DiskJob job, MemorySegment buffers) {
    int depth = job.iodepth();
    MemorySegment iocbMemory = arena.allocate(AioAbi.IOCB, depth); // zeroed, as the ABI wants
    iocbs = new MemorySegment[depth];
    blocks = new MemorySegment[depth];
    for (int i = 0; i < depth; i++) {
      iocbs[i] = iocbMemory.asSlice(i * AioAbi.IOCB.byteSize(), AioAbi.IOCB);
      blocks[i] = buffers.asSlice(i * job.bs(), job.bs());
    }
    pointers = arena.allocate(ADDRESS, depth);
    events = arena.allocate(AioAbi.IO_EVENT, depth); // room for a full queue, whatever is reaped
    timeout = arena.allocate(AioAbi.TIMESPEC);
    timeout.set(JAVA_LONG, 0, 1L); // wake once a second to notice a stop, even on a stuck device
    offsets = new long[depth];
    startedAt = new long[depth];
    issuedAt = new long[depth];
    reads = new boolean[depth];
    idle = new int[depth];
    pending = new int[depth];
    for (int i = depth - 1; i >= 0; i--) {
      idle[idleCount++] = i;
    }
  }

  int idle() {
    return idleCount;
  }

  int pending() {
    return pendingCount;
  }

  int inFlight() {
    return inFlight;
  }

  int takeIdle() {
    return idle[--idleCount];
  }

  /** Fills the slot's iocb and queues it for the next submission. */
  void prepare(int slot, boolean read, long offset, int fd) {
    short op = read ? AioAbi.CMD_PREAD : AioAbi.CMD_PWRITE;
    AioAbi.prepare(iocbs[slot], slot, op, fd, blocks[slot], offset);
    offsets[slot] = offset;
    reads[slot] = read;
    pointers.setAtIndex(ADDRESS, pendingCount, iocbs[slot]);
    pending[pendingCount++] = slot;
  }

  /** The first {@code n} queued slots went to the kernel between {@code start} and {@code end}. */
  void submitted(int n, long start, long end) {
    for (int i = 0; i < n; i++) {
      startedAt[pending[i]] = start;
      issuedAt[pending[i]] = end;
    }
    inFlight += n;
    int left = pendingCount - n;
    if (left > 0 && n > 0) { // io_submit took only some: the rest go first next time
      System.arraycopy(pending, n, pending, 0, left);
      MemorySegment.copy(pointers, n * ADDRESS.byteSize(), pointers, 0, left * ADDRESS.byteSize());
    }
    pendingCount = left;
  }

  void completed(int slot) {
    inFlight--;
    idle[idleCount++] = slot;
  }

  /** The iocb pointers of the queued slots, first to last. */
  MemorySegment pointers() {
    return pointers;
  }

  MemorySegment events() {
    return events;
  }

  MemorySegment timeout() {
    return timeout;
  }

  MemorySegment block(int slot) {
    return blocks[slot];
  }

  long offset(int slot) {
    return offsets[slot];
  }

  boolean isRead(int slot) {
    return reads[slot];
  }

  long startedAt(int slot) {
    return startedAt[slot];
  }

  long issuedAt(int slot) {
    return issuedAt[slot];
  }
}
