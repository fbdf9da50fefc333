package io.guestbench.collector.journal;

import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.collector.metrics.ResultMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies durable batches to the metrics and then completes their stages, off the writer thread.
 * Applying results costs far more than writing them (histogram decoding and bucketing), so it runs
 * in lanes, one thread each, an agent always in the same lane: its series see its batches in order.
 * The writer's byte bound covers batches here too: their bytes are released only now.
 */
final class Publisher {
  private final ResultMetrics results;
  private final AtomicLong pendingBytes;
  private final StoreRoom room;
  private final List<ExecutorService> lanes = new ArrayList<>();

  Publisher(ResultMetrics results, AtomicLong pendingBytes, StoreRoom room, int lanes) {
    this.results = results;
    this.pendingBytes = pendingBytes;
    this.room = room;
    for (int i = 0; i < lanes; i++) {
      this.lanes.add(
          Executors.newSingleThreadExecutor(
              Thread.ofPlatform().name("journal-publisher-" + i).factory()));
    }
  }

  /** Hands a decided group over; returns at once. */
  void publish(List<Append> group) {
    List<List<Append>> byLane = new ArrayList<>();
    lanes.forEach(l -> byLane.add(new ArrayList<>()));
    for (Append a : group) {
      byLane.get(Math.floorMod(a.key.agentId().hashCode(), lanes.size())).add(a);
    }
    for (int i = 0; i < lanes.size(); i++) {
      List<Append> mine = byLane.get(i);
      if (!mine.isEmpty()) {
        lanes
            .get(i)
            .execute(
                () -> {
                  mine.forEach(this::complete);
                  room.released();
                });
      }
    }
  }

  private void complete(Append a) {
    try {
      if (a.outcome == StoreOutcome.STORED) {
        results.record(a.labels, a.results); // one call: a checked batch brings its histograms
      }
    } finally {
      pendingBytes.addAndGet(-a.bytes());
      a.result.complete(a.outcome);
    }
  }

  /** Finishes what was handed over, within about {@code grace}. */
  void stop(Duration grace) throws InterruptedException {
    lanes.forEach(ExecutorService::shutdown);
    for (ExecutorService lane : lanes) {
      lane.awaitTermination(grace.toMillis() / lanes.size() + 1, TimeUnit.MILLISECONDS);
    }
  }
}
