package io.guestbench.agent.ship;

import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bounded in-memory outbox: beyond {@code maxBytes} the oldest batches are dropped and counted as
 * {@code buffer_full}. Nothing survives a restart, so each process start is a new epoch.
 */
public final class MemoryOutbox implements Outbox {
  static final String BUFFER_FULL = "buffer_full";

  private final long maxBytes;
  private final Clock clock;
  private final long epoch;
  private final Deque<Batch> held = new ArrayDeque<>();
  private final Ledger ledger = new Ledger();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long lastSeq;
  private long heldBytes;
  private long heldResults;

  public MemoryOutbox(long maxBytes, Clock clock) {
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.epoch = clock.wallNanos() / 1_000_000L;
  }

  @Override
  public long epoch() {
    return epoch;
  }

  @Override
  public long append(List<ProbeResult> results) {
    long seq;
    synchronized (this) {
      seq = ++lastSeq;
      Batch batch =
          Batch.newBuilder()
              .setSeq(seq)
              .setCreatedTimeUnixNano(clock.wallNanos())
              .addAllResults(results)
              .build();
      held.addLast(batch);
      heldBytes += batch.getSerializedSize();
      heldResults += results.size();
      ledger.produced(results.size());
      while (heldBytes > maxBytes && held.size() > 1) {
        release(held.removeFirst(), BUFFER_FULL);
      }
    }
    listeners.forEach(Runnable::run);
    return seq;
  }

  @Override
  public synchronized Optional<Batch> next(long afterSeq) {
    for (Batch batch : held) {
      if (batch.getSeq() > afterSeq) {
        ledger.handedOut(batch.getSeq());
        return Optional.of(batch);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void acknowledge(long seq) {
    lastSeq = Math.max(lastSeq, seq);
    while (!held.isEmpty() && held.peekFirst().getSeq() <= seq) {
      Batch batch = held.removeFirst();
      release(batch, null);
      ledger.acknowledged(batch.getResultsCount());
    }
    ledger.acknowledgedThrough(seq);
  }

  @Override
  public synchronized void welcomed(long highestStored) {
    acknowledge(highestStored);
    ledger.welcomed(highestStored);
  }

  @Override
  public synchronized void reject(long seq, String reason) {
    held.stream()
        .filter(b -> b.getSeq() == seq)
        .findFirst()
        .ifPresent(
            b -> {
              held.remove(b);
              release(b, null);
              ledger.rejected(reason, b.getResultsCount());
            });
  }

  @Override
  public synchronized long firstUnacked() {
    return held.isEmpty() ? 0 : held.peekFirst().getSeq();
  }

  @Override
  public synchronized OutboxStats stats() {
    return ledger.stats(held.size(), heldResults, heldBytes, SpoolHealth.NONE);
  }

  @Override
  public void onAppend(Runnable listener) {
    listeners.add(listener);
  }

  private void release(Batch batch, String dropReason) {
    heldBytes -= batch.getSerializedSize();
    heldResults -= batch.getResultsCount();
    if (dropReason != null) {
      ledger.droppedHeld(batch.getSeq(), batch.getResultsCount(), dropReason);
    }
  }
}
