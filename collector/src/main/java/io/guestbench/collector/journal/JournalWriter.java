package io.guestbench.collector.journal;

import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.common.time.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The journal's one writer thread. It takes whatever appends are waiting, decides each (new,
 * duplicate, or refused because an earlier batch of the same stream failed), writes the new ones
 * with one write and makes them durable with one fsync — group commit: while one fsync runs, the
 * next group gathers. Only then does the dedupe index move and the group go to the publisher.
 */
final class JournalWriter implements Runnable {
  private static final Logger log = Logger.getLogger(JournalWriter.class.getName());
  static final Append STOP = new Append(null, 0, null, ByteBuffer.allocate(0), 0, null, null, null);
  private static final int MAX_GROUP = 4096;
  private static final long MAINTENANCE_MILLIS = 1000;

  /**
   * While batches arrive faster than one per group, the writer waits up to this long for a group of
   * {@link #FULL_GROUP}: each force costs the same whatever it carries, and several per millisecond
   * cost the cores more than a millisecond costs the acks.
   */
  static final Duration LINGER = Duration.ofMillis(1);

  static final int FULL_GROUP = 8;

  /**
   * How long after a failed write the journal reports itself unhealthy without trying again. Then
   * it reports healthy once more, so a load balancer that steered every agent away sends some back
   * and the next real write decides; otherwise an idle, failed journal would stay unready forever.
   */
  static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  private final JournalConfig config;
  private final Clock clock;
  private final Syncer syncer;
  private final BlockingQueue<Append> queue;
  private final ConcurrentMap<AgentKey, Long> highest;
  private final Map<AgentKey, Long> lastStored;
  private final Retention retention;
  private final JournalMetrics metrics;
  private final Consumer<List<Append>> publisher;
  private final Map<AgentKey, Object> failedStreams = new HashMap<>();
  private final Map<AgentKey, AgentRecord> described = new HashMap<>();
  private final ByteBuffer staging = ActiveSegment.staging(4 << 20);
  private long nextNumber;
  private ActiveSegment active;
  private volatile boolean healthy = true;
  private boolean stopping;
  private long failedAtNanos;
  private int lastGroup;
  private final long lingerNanos;

  JournalWriter(
      JournalConfig config,
      Clock clock,
      Syncer syncer,
      BlockingQueue<Append> queue,
      ConcurrentMap<AgentKey, Long> highest,
      Map<AgentKey, Long> lastStored,
      Retention retention,
      long nextNumber,
      JournalMetrics metrics,
      Consumer<List<Append>> publisher,
      Duration linger) {
    this.config = config;
    this.clock = clock;
    this.syncer = syncer;
    this.queue = queue;
    this.highest = highest;
    this.lastStored = lastStored;
    this.retention = retention;
    this.nextNumber = nextNumber;
    this.metrics = metrics;
    this.publisher = publisher;
    this.lingerNanos = linger.toNanos();
  }

  boolean healthy() {
    return healthy;
  }

  @Override
  public void run() {
    List<Append> group = new ArrayList<>();
    try {
      while (true) {
        Append first = queue.poll(MAINTENANCE_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          group.add(first);
          queue.drainTo(group, MAX_GROUP - 1);
          if (lastGroup > 1) {
            gather(group);
          }
          lastGroup = group.size();
        }
        stopping |= group.remove(STOP);
        if (!group.isEmpty()) {
          commit(group);
          group = new ArrayList<>();
        }
        maintain();
        if (stopping && queue.isEmpty()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (active != null) {
        retention.add(active.close());
        active = null;
      }
    }
  }

  /** Adds what arrives within the linger to {@code group}, until it is full. */
  private void gather(List<Append> group) throws InterruptedException {
    long deadline = System.nanoTime() + lingerNanos;
    while (group.size() < FULL_GROUP) {
      long left = deadline - System.nanoTime();
      Append next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      group.add(next);
      queue.drainTo(group, MAX_GROUP - group.size());
    }
  }

  private void commit(List<Append> group) {
    Map<AgentKey, Long> tentative = new HashMap<>();
    List<Append> writes = new ArrayList<>();
    for (Append a : group) {
      if (failedStreams.get(a.key) == a.stream) {
        a.outcome = StoreOutcome.FAILED;
      } else if (a.seq <= Math.max(durable(a.key), tentative.getOrDefault(a.key, 0L))) {
        a.outcome = StoreOutcome.DUPLICATE;
      } else {
        a.outcome = StoreOutcome.STORED;
        tentative.put(a.key, a.seq);
        writes.add(a);
      }
    }
    if (!writes.isEmpty()) {
      if (write(writes)) {
        tentative.forEach((k, seq) -> highest.merge(k, seq, Math::max));
        writes.forEach(a -> lastStored.merge(a.key, a.storedTimeUnixNano, Math::max));
        writes.forEach(a -> failedStreams.remove(a.key));
      } else {
        failed(group, writes);
      }
    }
    count(group);
    publisher.accept(group);
  }

  /** Writes and forces; false when either failed (then nothing of the group counts as stored). */
  private boolean write(List<Append> writes) {
    long good = 0;
    try {
      List<Append> framed = describedFirst(writes);
      long bytes = framed.stream().mapToLong(Append::bytes).sum();
      if (active != null && active.bytes() > 0 && active.bytes() + bytes > config.segmentBytes()) {
        rotate();
      }
      if (active == null) {
        active =
            ActiveSegment.create(
                config.dir(), nextNumber++, config.fsync(), config.fsync() && config.directIo());
        described.clear();
        framed = describedFirst(writes);
      }
      writes.forEach(a -> described.put(a.key, a.agent));
      good = active.bytes();
      long start = clock.monotonicNanos();
      active.write(framed, staging);
      active.force(syncer);
      metrics.forced(Duration.ofNanos(clock.monotonicNanos() - start), writes.size());
      metrics.appended(writes.size());
      healthy(true);
      return true;
    } catch (IOException | RuntimeException e) {
      metrics.writeError();
      log.warning(() -> "journal write failed, refusing batches until a write succeeds: " + e);
      if (active != null) {
        retention.add(active.abandon(good));
        active = null;
      }
      healthy(false);
      failedAtNanos = clock.monotonicNanos();
      return false;
    }
  }

  /**
   * The writes with each stream's agent record in front of its first batch in this segment (again
   * when the stream changed, for its Hello may have said something new).
   */
  private List<Append> describedFirst(List<Append> writes) {
    List<Append> out = new ArrayList<>(writes.size() + 1);
    Map<AgentKey, AgentRecord> here = new HashMap<>();
    for (Append a : writes) {
      AgentRecord known = here.containsKey(a.key) ? here.get(a.key) : described.get(a.key);
      if (a.agent != null && known != a.agent) {
        out.add(a.agent.append());
      }
      here.put(a.key, a.agent);
      out.add(a);
    }
    return out;
  }

  private void failed(List<Append> group, List<Append> writes) {
    for (Append a : group) {
      if (a.outcome == StoreOutcome.DUPLICATE && a.seq > durable(a.key)) {
        a.outcome = StoreOutcome.FAILED; // its twin in this group was not made durable
      }
    }
    for (Append a : writes) {
      a.outcome = StoreOutcome.FAILED;
      failedStreams.put(a.key, a.stream);
    }
  }

  private void count(List<Append> group) {
    int dup = 0;
    int failed = 0;
    for (Append a : group) {
      dup += a.outcome == StoreOutcome.DUPLICATE ? 1 : 0;
      failed += a.outcome == StoreOutcome.FAILED ? 1 : 0;
    }
    metrics.duplicates(dup);
    if (failed > 0) {
      metrics.refused("failed", failed);
    }
  }

  private void rotate() {
    retention.add(active.close());
    active = null;
  }

  private void maintain() {
    if (!healthy && clock.monotonicNanos() - failedAtNanos > RETRY_AFTER.toNanos()) {
      log.info("journal: trying writes again after a failure");
      healthy(true);
    }
    long activeBytes = active == null ? 0 : active.bytes();
    retention.apply(activeBytes, clock.wallNanos());
    metrics.bytes.set(retention.closedBytes() + activeBytes);
    metrics.segments.set(retention.closedCount() + (active == null ? 0 : 1));
  }

  private long durable(AgentKey key) {
    return highest.getOrDefault(key, 0L);
  }

  private void healthy(boolean value) {
    healthy = value;
    metrics.healthy.set(value ? 1 : 0);
  }
}
