package io.guestbench.agent.ship.spool;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The batches a spool holds, in seq order, and what they cost: bytes on disk, bytes and batches in
 * memory, results. Not thread-safe: the spool calls it under its lock.
 */
final class HeldBatches {
  private final NavigableMap<Long, Held> bySeq = new TreeMap<>();
  private long diskBytes;
  private long memoryBytes;
  private long memoryBatches;
  private long results;

  /** Adds {@code h}, replacing what was held under its seq (a batch moving from memory to disk). */
  void add(Held h) {
    remove(h.seq());
    bySeq.put(h.seq(), h);
    count(h, 1);
  }

  /** Takes out the batch held under {@code seq}, or returns null when there is none. */
  Held remove(long seq) {
    Held h = bySeq.remove(seq);
    if (h != null) {
      count(h, -1);
    }
    return h;
  }

  /** The first held batch with seq above {@code seq}, or null. */
  Held after(long seq) {
    Map.Entry<Long, Held> e = bySeq.higherEntry(seq);
    return e == null ? null : e.getValue();
  }

  /** The oldest held batch, or null. */
  Held first() {
    return bySeq.isEmpty() ? null : bySeq.firstEntry().getValue();
  }

  /** The oldest held batch of one kind, or null. */
  Held oldest(Class<? extends Held> kind) {
    return bySeq.values().stream().filter(kind::isInstance).findFirst().orElse(null);
  }

  List<Held.InMemory> inMemory() {
    return bySeq.values().stream()
        .filter(Held.InMemory.class::isInstance)
        .map(Held.InMemory.class::cast)
        .toList();
  }

  boolean contains(long seq) {
    return bySeq.containsKey(seq);
  }

  /** The lowest held seq, or 0 when nothing is held. */
  long firstSeq() {
    return bySeq.isEmpty() ? 0 : bySeq.firstKey();
  }

  int size() {
    return bySeq.size();
  }

  long onDisk() {
    return bySeq.size() - memoryBatches;
  }

  long diskBytes() {
    return diskBytes;
  }

  long memoryBytes() {
    return memoryBytes;
  }

  long memoryBatches() {
    return memoryBatches;
  }

  long results() {
    return results;
  }

  void clear() {
    bySeq.clear();
    diskBytes = memoryBytes = memoryBatches = results = 0;
  }

  private void count(Held h, int sign) {
    results += sign * h.results();
    switch (h) {
      case Held.OnDisk d -> diskBytes += sign * d.bytes();
      case Held.InMemory m -> {
        memoryBytes += sign * m.bytes();
        memoryBatches += sign;
      }
    }
  }
}
