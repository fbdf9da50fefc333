package io.guestbench.agent.ship.spool;

import io.guestbench.agent.ship.Ledger;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.agent.ship.SpoolHealth;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable outbox: batches are written to checksummed segment files before {@link #append}
 * returns and leave only on a covering ack, a permanent rejection, or a counted drop (byte or age
 * cap). The epoch and the seq numbering live in the directory, so a restarted agent resends what is
 * unacknowledged under the same (agent_id, epoch, seq) keys and the collector stores each once.
 * When the disk fails the spool keeps new batches in a bounded memory buffer, says so in its
 * health, and writes them out once the disk works again; it never stops the agent.
 */
public final class Spool implements Outbox, Service {
  static final String BYTES_CAP = "spool_bytes_cap";
  static final String AGE_CAP = "spool_age_cap";
  static final String BUFFER_FULL = "buffer_full";
  static final String CORRUPT = "spool_corrupt";
  static final String UNRESERVED = "seq_unreserved";
  static final Duration RETRY = Duration.ofSeconds(5);
  static final int READ_ATTEMPTS = 3;

  private static final Logger log = Logger.getLogger(Spool.class.getName());

  private final SpoolSettings settings;
  private final Path dir;
  private final Storage storage;
  private final Clock clock;
  private final ScheduledExecutorService ticker;
  private final FsyncTimer fsyncs;
  private final SegmentLog segments;
  private final Numbering numbering;
  private final HeldBatches held = new HeldBatches();
  private final Ledger ledger = new Ledger();
  private final SpoolDamage damage = new SpoolDamage();
  private final DiskReads reads;
  private final Releases releases;
  private final SpoolCaps caps;
  private final MemoryFallback fallback;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private SpoolLock lock;
  private ScheduledFuture<?> ticks;
  private boolean open;
  private long openedMillis;

  public Spool(
      SpoolSettings settings,
      String agentId,
      Storage storage,
      Clock clock,
      ScheduledExecutorService ticker) {
    if (agentId.equals(".") || agentId.equals("..")) {
      throw new IllegalArgumentException("agent id " + agentId + " cannot name a spool directory");
    }
    this.settings = settings;
    this.dir = settings.dir().resolve(agentId);
    this.storage = storage;
    this.clock = clock;
    this.ticker = ticker;
    this.fsyncs = new FsyncTimer(clock);
    this.segments =
        new SegmentLog(storage, dir, settings.segmentBytes(), settings.fsyncEveryAppend(), fsyncs);
    this.numbering = new Numbering(dir, clock);
    this.releases = new Releases(held, numbering, segments, ledger);
    this.reads = new DiskReads(segments, damage, releases);
    this.caps = new SpoolCaps(settings, clock, held, releases);
    this.fallback =
        new MemoryFallback(dir, settings.memoryBytes(), clock, held, releases, this::write);
  }

  /** The directory this agent's batches live in. */
  public Path directory() {
    return dir;
  }

  @Override
  public String name() {
    return "spool " + dir;
  }

  @Override
  public void start() throws IOException {
    synchronized (this) {
      open();
    }
    long period = settings.tickPeriod().toNanos();
    ticks = ticker.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.NANOSECONDS);
  }

  @Override
  public void stop(Duration grace) {
    if (ticks != null) {
      ticks.cancel(false);
    }
    synchronized (this) {
      close();
    }
  }

  @Override
  public synchronized long epoch() {
    requireOpen();
    return numbering.epoch();
  }

  @Override
  public synchronized String runPrefix() {
    requireOpen();
    return numbering.epoch() + "." + openedMillis;
  }

  @Override
  public long append(List<ProbeResult> results) {
    long seq;
    synchronized (this) {
      requireOpen();
      ledger.produced(results.size());
      seq = numbering.assign();
      if (seq == 0) {
        ledger.dropped(UNRESERVED, results.size());
        return 0;
      }
      Batch batch =
          Batch.newBuilder()
              .setSeq(seq)
              .setCreatedTimeUnixNano(clock.wallNanos())
              .addAllResults(results)
              .build();
      store(batch);
      caps.enforce();
      numbering.flushReleased();
    }
    listeners.forEach(Runnable::run);
    return seq;
  }

  @Override
  public synchronized Optional<Batch> next(long afterSeq) {
    if (!open) {
      return Optional.empty();
    }
    for (Held h = held.after(afterSeq); h != null; h = held.after(h.seq())) {
      Optional<Batch> batch = reads.read(h);
      if (batch.isPresent() || held.contains(h.seq())) {
        batch.ifPresent(b -> ledger.handedOut(b.getSeq()));
        return batch; // a batch that could not be read yet: later ones must not overtake it
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void acknowledge(long seq) {
    if (!open) {
      return;
    }
    releases.acknowledged(seq);
    numbering.skipPast(seq);
    numbering.flushReleased();
  }

  @Override
  public synchronized void welcomed(long highestStored) {
    acknowledge(highestStored);
    if (open) {
      ledger.welcomed(highestStored);
    }
  }

  @Override
  public synchronized void reject(long seq, String reason) {
    if (open && releases.rejected(seq, reason)) {
      numbering.flushReleased();
    }
  }

  @Override
  public synchronized long firstUnacked() {
    return held.firstSeq();
  }

  @Override
  public synchronized OutboxStats stats() {
    long bytes = held.diskBytes() + held.memoryBytes();
    return ledger.stats(held.size(), held.results(), bytes, health());
  }

  private SpoolHealth health() {
    boolean bad = fallback.active() || numbering.blocked();
    return new SpoolHealth(
        true,
        bad,
        segments.diskBytes(),
        held.memoryBatches(),
        damage.quarantinedByReason(),
        damage.tornTails(),
        fsyncs.count(),
        fsyncs.totalNanos(),
        fsyncs.maxNanos());
  }

  @Override
  public void onAppend(Runnable listener) {
    listeners.add(listener);
  }

  /** Periodic work: fsync under the interval policy, the age cap, retrying a failed disk. */
  synchronized void tick() {
    if (!open) {
      return;
    }
    try {
      segments.sync();
    } catch (IOException e) {
      fallback.diskFailed(e);
    }
    fallback.retryIfDue();
    numbering.renewIfDue();
    caps.enforce();
    numbering.flushReleased();
  }

  private void open() throws IOException {
    lock = SpoolLock.acquire(storage, dir);
    openedMillis = clock.wallNanos() / 1_000_000L;
    StateFile state = new StateFile(storage, dir, fsyncs);
    state.load();
    List<SegmentLog.Recovered> found = segments.recover(damage);
    numbering.open(state, found);
    RecoveredRecords.admit(found, numbering, segments, held, ledger, damage);
    open = true;
    numbering.reserveAfterOpen();
    caps.enforce();
    // a fresh or drained spool is not news; recovered batches and damage are
    log.log(
        held.size() > 0 || damage.any() ? Level.INFO : Level.FINE,
        "spool %s: epoch %d, %d unacknowledged batches recovered"
            .formatted(dir, numbering.epoch(), held.size()));
  }

  private void close() {
    if (!open) {
      return;
    }
    fallback.close();
    segments.close();
    numbering.closeCleanly();
    held.clear();
    open = false;
    lock.release();
  }

  /** To disk while it works, else to the memory fallback. */
  private void store(Batch batch) {
    if (fallback.diskWorks()) {
      try {
        held.add(new Held.OnDisk(write(batch)));
        return;
      } catch (IOException e) {
        fallback.diskFailed(e);
      }
    }
    fallback.hold(batch);
  }

  private RecordRef write(Batch batch) throws IOException {
    numbering.ensureOnDisk();
    return segments.append(
        numbering.epoch(),
        batch.getSeq(),
        batch.getCreatedTimeUnixNano(),
        batch.toByteArray(),
        batch.getResultsCount());
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("spool " + dir + " is not open");
    }
  }
}
