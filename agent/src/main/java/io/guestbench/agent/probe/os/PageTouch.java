package io.guestbench.agent.probe.os;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import io.guestbench.agent.probe.method.Operation;
import io.guestbench.agent.probe.os.libc.Bound;
import java.lang.foreign.MemorySegment;

/**
 * Writes one byte to each 4 KiB page of freshly mapped memory: each write is a page fault that
 * allocates and zeroes a page and, under Xen PV, updates the page tables through the hypervisor.
 * Mapping and unmapping happen in {@link #prepare}, outside the timed batches.
 */
final class PageTouch implements Operation, AutoCloseable {
  static final long PAGE_BYTES = 4096;

  private final AnonymousMemory memory;
  private final long pages;
  private final boolean noHugePages;
  private MemorySegment region;
  private long next;

  PageTouch(AnonymousMemory memory, long regionBytes, boolean noHugePages) {
    if (regionBytes < PAGE_BYTES || regionBytes % PAGE_BYTES != 0) {
      throw new IllegalArgumentException("region of " + regionBytes + " bytes");
    }
    this.memory = memory;
    this.pages = regionBytes / PAGE_BYTES;
    this.noHugePages = noHugePages;
  }

  /** Maps a fresh region when the current one has fewer than {@code units} untouched pages. */
  @Override
  public void prepare(long units) {
    if (region != null && next + units <= pages) {
      return;
    }
    close();
    region =
        switch (memory.map(pages * PAGE_BYTES, noHugePages)) {
          case Bound.Ok<MemorySegment> ok -> ok.value();
          case Bound.Missing<MemorySegment> m -> throw new MappingFailed(m.reason());
        };
    next = 0;
  }

  @Override
  public long run(long units) {
    long base = next * PAGE_BYTES;
    for (long i = 0; i < units; i++) {
      region.set(JAVA_BYTE, base + i * PAGE_BYTES, (byte) 1);
    }
    next += units;
    return next;
  }

  /** One region's worth: a batch never spans two mappings. */
  @Override
  public long maxUnits() {
    return pages;
  }

  @Override
  public void close() {
    if (region != null) {
      memory.unmap(region);
      region = null;
    }
  }

  /** The kernel refused memory in the middle of a run. */
  static final class MappingFailed extends RuntimeException {
    MappingFailed(String reason) {
      super(reason, null, false, false);
    }
  }
}
