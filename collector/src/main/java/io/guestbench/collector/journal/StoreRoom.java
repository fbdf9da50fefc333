package io.guestbench.collector.journal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flow control in front of the journal's byte bound. Below a quarter of {@code
 * journal.max_pending_bytes} there is room; above it, streams stop asking their agents for more
 * messages and are called back once the pending bytes fall below it again. Agents then slow down
 * through gRPC flow control instead of collecting {@code journal_busy} Nacks, reconnecting and
 * resending; the bound itself still refuses what streams had already asked for.
 */
final class StoreRoom {
  private final AtomicLong pendingBytes;
  private final long roomBelow;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  StoreRoom(AtomicLong pendingBytes, long maxPendingBytes) {
    this.pendingBytes = pendingBytes;
    this.roomBelow = Math.max(1, maxPendingBytes / 4);
  }

  /** True if there is room now; otherwise {@code onRoom} runs once there is. */
  boolean hasRoom(Runnable onRoom) {
    if (pendingBytes.get() < roomBelow) {
      return true;
    }
    waiting.add(onRoom);
    // The bytes may have fallen between the look and the add, with nobody left to call back.
    return pendingBytes.get() < roomBelow && waiting.remove(onRoom);
  }

  /**
   * After pending bytes were released: calls back who waited, while there is room (a stream called
   * back that finds none waits again, and the round ends there).
   */
  void released() {
    for (Runnable r; pendingBytes.get() < roomBelow && (r = waiting.poll()) != null; ) {
      r.run();
    }
  }
}
