package io.guestbench.agent.ship.spool;

import io.guestbench.agent.ship.Ledger;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.agent.ship.SpoolHealth;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.io.Closeable;
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
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private Closeable lock;
  private ScheduledFuture<?> ticks;
  private boolean open;
  private boolean degraded;
  private long retryAtNanos;
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
    this.reads = new DiskReads(segments, damage);
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
    long period = tickNanos();
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
      enforceCaps();
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
      Optional<Batch> batch = read(h);
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
    while (held.size() > 0 && held.firstSeq() <= seq) {
      Held h = held.remove(held.firstSeq());
      release(h);
      ledger.acknowledged(h.results());
    }
    ledger.acknowledgedThrough(seq);
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
    Held h = open ? held.remove(seq) : null;
    if (h != null) {
      release(h);
      ledger.rejected(reason, h.results());
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
    boolean bad = degraded || numbering.blocked();
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
      degrade(e);
    }
    if (degraded && clock.monotonicNanos() >= retryAtNanos) {
      spill();
    }
    numbering.renewIfDue();
    enforceCaps();
    numbering.flushReleased();
  }

  private void open() throws IOException {
    try {
      storage.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("spool.dir: cannot create " + dir + " (" + e + ")", e);
    }
    try {
      lock = storage.lock(dir.resolve("lock"));
    } catch (IOException e) {
      throw new IOException("spool.dir: cannot lock " + dir + ": " + e.getMessage(), e);
    }
    openedMillis = clock.wallNanos() / 1_000_000L;
    StateFile state = new StateFile(storage, dir, fsyncs);
    state.load();
    List<SegmentLog.Recovered> found = segments.recover(damage);
    numbering.open(state, found);
    RecoveredRecords.admit(found, numbering, segments, held, ledger, damage);
    open = true;
    numbering.reserveAfterOpen();
    enforceCaps();
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
    if (degraded && !spill()) {
      log.warning(
          "spool %s: %d batches held only in memory are lost on exit"
              .formatted(dir, held.memoryBatches()));
    }
    segments.close();
    numbering.closeCleanly();
    held.clear();
    open = false;
    try {
      lock.close();
    } catch (IOException e) {
      log.fine("spool: releasing the lock: " + e);
    }
  }

  private void store(Batch batch) {
    if (degraded && (clock.monotonicNanos() < retryAtNanos || !spill())) {
      holdInMemory(batch);
      return;
    }
    try {
      held.add(new Held.OnDisk(write(batch)));
    } catch (IOException e) {
      degrade(e);
      holdInMemory(batch);
    }
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

  /** Writes the batches held in memory to disk, oldest first; true when none is left. */
  private boolean spill() {
    for (Held.InMemory m : held.inMemory()) {
      try {
        held.add(new Held.OnDisk(write(m.batch())));
      } catch (IOException e) {
        degrade(e);
        return false;
      }
    }
    if (degraded) {
      degraded = false;
      log.warning("spool " + dir + ": the disk works again; batches are on disk again");
    }
    return true;
  }

  private void degrade(IOException e) {
    if (!degraded) {
      log.warning(
          "spool %s: disk failed (%s); holding new batches in memory (at most %d bytes) and retrying the disk every %ds"
              .formatted(dir, e, settings.memoryBytes(), RETRY.toSeconds()));
    }
    degraded = true;
    retryAtNanos = clock.monotonicNanos() + RETRY.toNanos();
  }

  private void holdInMemory(Batch batch) {
    held.add(new Held.InMemory(batch));
    while (held.memoryBytes() > settings.memoryBytes() && held.memoryBatches() > 1) {
      dropOldest(Held.InMemory.class, BUFFER_FULL);
    }
  }

  private void enforceCaps() {
    long oldest = clock.wallNanos() - settings.maxAge().toNanos();
    while (held.size() > 0 && held.first().createdNanos() < oldest) {
      drop(held.remove(held.firstSeq()), AGE_CAP);
    }
    while (held.diskBytes() > settings.maxBytes() && held.onDisk() > 1) {
      dropOldest(Held.OnDisk.class, BYTES_CAP);
    }
  }

  private void dropOldest(Class<? extends Held> kind, String reason) {
    drop(held.remove(held.oldest(kind).seq()), reason);
  }

  private void drop(Held h, String reason) {
    release(h);
    ledger.droppedHeld(h.seq(), h.results(), reason);
  }

  /** The batch behind {@code h}; a record that no longer reads back is quarantined and dropped. */
  private Optional<Batch> read(Held h) {
    return switch (h) {
      case Held.InMemory m -> Optional.of(m.batch());
      case Held.OnDisk d -> readFromDisk(d);
    };
  }

  private Optional<Batch> readFromDisk(Held.OnDisk d) {
    DiskReads.Result r = reads.read(d);
    if (r.lost()) {
      held.remove(d.seq());
      drop(d, CORRUPT);
    }
    return r.batch();
  }

  /** Frees the record behind {@code h}; the caller has taken it out of {@code held}. */
  private void release(Held h) {
    numbering.released(held.size() == 0 ? numbering.lastSeq() : held.firstSeq() - 1);
    if (h instanceof Held.OnDisk d) {
      segments.release(d.ref());
    }
  }

  private long tickNanos() {
    Duration period = Duration.ofSeconds(1);
    if (!settings.fsyncEveryAppend() && settings.fsyncInterval().compareTo(period) < 0) {
      period = settings.fsyncInterval();
    }
    return period.toNanos();
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("spool " + dir + " is not open");
    }
  }
}
