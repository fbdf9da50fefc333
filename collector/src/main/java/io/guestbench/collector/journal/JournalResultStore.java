package io.guestbench.collector.journal;

import io.guestbench.collector.config.JournalConfig;
import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.ingest.ResultStore;
import io.guestbench.collector.ingest.StoreOutcome;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.ProbeResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;

/**
 * The durable {@link ResultStore}: a batch is framed on the caller's thread, queued for the {@link
 * JournalWriter}, and its stage completes only after the group it was written in is forced to disk
 * and its results are applied to the metrics. The queue is bounded by bytes ({@code
 * journal.max_pending_bytes}); beyond it a batch is refused as {@link StoreOutcome#BUSY}, so
 * nothing buffers without bound. Before retention deletes a segment the dedupe knowledge is saved
 * to a checkpoint ({@link DedupeCheckpoint}), so deleting old segments never lets a resent batch be
 * stored twice. Does no I/O until started.
 */
public final class JournalResultStore implements ResultStore, Service {
  private static final Logger log = Logger.getLogger(JournalResultStore.class.getName());
  private final JournalConfig config;
  private final ResultMetrics results;
  private final Clock clock;
  private final Syncer syncer;
  private final Duration linger;
  private final JournalMetrics metrics;
  private final LinkedBlockingQueue<Append> queue = new LinkedBlockingQueue<>();
  private final ConcurrentMap<AgentKey, Long> highest = new ConcurrentHashMap<>();
  private final Map<AgentKey, Long> lastStored = new HashMap<>(); // the writer's, after start
  private final ConcurrentMap<String, AgentRecord> agents = new ConcurrentHashMap<>();
  private final ConcurrentMap<AgentKey, CompletableFuture<?>> unsettled = new ConcurrentHashMap<>();
  private Publisher publisher;
  private StoreRoom room;
  private JournalWriter writer;
  private Thread writerThread;
  private FileChannel lockFile;
  private volatile boolean open;
  private boolean checkpointFailing;

  public JournalResultStore(
      JournalConfig config, ResultMetrics results, MeterRegistry registry, Clock clock) {
    this(config, results, registry, clock, config.fsync() ? Syncer.FSYNC : Syncer.NONE);
  }

  JournalResultStore(
      JournalConfig config,
      ResultMetrics results,
      MeterRegistry registry,
      Clock clock,
      Syncer syncer) {
    this(config, results, registry, clock, syncer, JournalWriter.LINGER);
  }

  JournalResultStore(
      JournalConfig config,
      ResultMetrics results,
      MeterRegistry registry,
      Clock clock,
      Syncer syncer,
      Duration linger) {
    this.config = config;
    this.results = results;
    this.clock = clock;
    this.syncer = syncer;
    this.metrics = new JournalMetrics(registry);
    this.linger = linger;
  }

  @Override
  public String name() {
    return "journal in " + config.dir();
  }

  @Override
  public void start() throws IOException {
    Recovery.Result found;
    try {
      Files.createDirectories(config.dir());
      lock();
      found = Recovery.run(config.dir(), highest, lastStored, metrics);
    } catch (IOException | OverlappingFileLockException e) {
      throw new IOException(
          e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + " (choose another with journal.dir or --journal-dir)",
          e);
    }
    metrics.corrupt(found.corrupt());
    metrics.torn(found.tornTails());
    metrics.checkpointKeys.set(found.checkpointKeys());
    long next = found.segments().isEmpty() ? 1 : found.segments().getLast().number() + 1;
    Retention retention =
        new Retention(
            found.segments(),
            config.retainBytes(),
            config.retainAge(),
            metrics,
            this::saveCheckpoint);
    room = new StoreRoom(metrics.pendingBytes, config.maxPendingBytes());
    publisher =
        new Publisher(
            results,
            metrics.pendingBytes,
            room,
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    writer =
        new JournalWriter(
            config,
            clock,
            syncer,
            queue,
            highest,
            lastStored,
            retention,
            next,
            metrics,
            publisher::publish,
            linger);
    writerThread = Thread.ofPlatform().name("journal-writer").start(writer);
    open = true;
  }

  @Override
  public long highestStored(AgentKey key) {
    return highest.getOrDefault(key, 0L);
  }

  @Override
  public CompletionStage<Long> highestSettled(AgentKey key) {
    CompletableFuture<?> pending = unsettled.get(key);
    if (pending == null) {
      return CompletableFuture.completedFuture(highestStored(key));
    }
    return pending.handle((outcome, error) -> highestStored(key));
  }

  /** Kept in memory per agent (the latest epoch only) and journaled with the batches after it. */
  @Override
  public void described(AgentKey key, Hello hello) {
    agents.put(key.agentId(), new AgentRecord(key, hello, clock.wallNanos()));
  }

  @Override
  public CompletionStage<StoreOutcome> store(
      AgentKey key, long seq, AgentLabels labels, List<ProbeResult> batch, Object stream) {
    if (!open) {
      return CompletableFuture.completedFuture(StoreOutcome.FAILED);
    }
    if (seq <= highestStored(key)) {
      metrics.duplicates(1);
      return CompletableFuture.completedFuture(StoreOutcome.DUPLICATE);
    }
    long now = clock.wallNanos();
    AgentRecord agent = agents.get(key.agentId());
    Append a =
        new Append(
            key,
            seq,
            stream,
            RecordCodec.encode(key, seq, now, labels, batch),
            now,
            labels,
            batch,
            agent == null || !agent.key.equals(key) ? null : agent);
    long before = metrics.pendingBytes.getAndAdd(a.bytes());
    if (before > 0 && before + a.bytes() > config.maxPendingBytes()) {
      metrics.pendingBytes.addAndGet(-a.bytes());
      metrics.refused("busy", 1);
      return CompletableFuture.completedFuture(StoreOutcome.BUSY);
    }
    track(key, a.result);
    queue.add(a);
    return a.result;
  }

  /** Remembers a queued batch of {@code key} until it settles, for {@link #highestSettled}. */
  private void track(AgentKey key, CompletableFuture<StoreOutcome> result) {
    CompletableFuture<?> all =
        unsettled.merge(key, result, (before, added) -> CompletableFuture.allOf(before, added));
    all.whenComplete((outcome, error) -> unsettled.remove(key, all));
  }

  @Override
  public boolean hasRoom(Runnable onRoom) {
    return room == null || room.hasRoom(onRoom);
  }

  @Override
  public boolean healthy() {
    return open && writer.healthy();
  }

  @Override
  public void stop(Duration grace) {
    open = false;
    queue.add(JournalWriter.STOP);
    try {
      writerThread.join(Math.max(1, grace.toMillis()));
      publisher.stop(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeLock();
    }
  }

  /**
   * Writes the dedupe checkpoint; on the writer thread (retention runs there), which owns {@code
   * lastStored} and is the only one to move {@code highest}. False when it could not be written.
   */
  private boolean saveCheckpoint() {
    try {
      int keys =
          DedupeCheckpoint.write(
              config.dir(),
              highest,
              lastStored,
              clock.wallNanos(),
              config.dedupeHorizon().toNanos(),
              config.fsync());
      metrics.checkpointKeys.set(keys);
      checkpointFailing = false;
      return true;
    } catch (IOException | RuntimeException e) {
      metrics.checkpointFailed("write");
      if (!checkpointFailing) {
        log.warning(
            () -> "journal: cannot write the dedupe checkpoint, retention deletes nothing: " + e);
      }
      checkpointFailing = true;
      return false;
    }
  }

  private void lock() throws IOException {
    lockFile =
        FileChannel.open(
            config.dir().resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held = lockFile.tryLock();
    if (held == null) {
      lockFile.close();
      throw new IOException(config.dir() + " is in use by another collector");
    }
  }

  private void closeLock() {
    try {
      lockFile.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
