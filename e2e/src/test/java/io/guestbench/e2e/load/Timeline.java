package io.guestbench.e2e.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * One line per second, from the start of the warm-up to the end of the window: wall-clock time
 * (UTC, to line up with the collector's flight recording and logs), acked results, batches sent,
 * ack latency p50 / p99 / max of the batches acked in that second, the collector's CPU (cores), the
 * part of it in the kernel, its minor page faults, and its journal: group commits, milliseconds
 * spent in write + fsync, megabytes waiting to be written or published; the megabytes of direct
 * memory the gRPC server's buffer pool holds, and how long the filtered scrape that read those took
 * (NaN when it failed). Shows when a tail happens, which the window's percentiles cannot, and
 * whether first touches of memory, growing buffers or a slow disk came with it.
 */
final class Timeline implements AutoCloseable {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final Tally tally;
  private final CollectorWatch collector;
  private final LongSupplier nanos;
  private final long clockTicks;
  private final Thread thread;

  Timeline(Path file, Tally tally, CollectorWatch collector, LongSupplier nanos, long clockTicks)
      throws IOException {
    this.out = new PrintWriter(Files.newBufferedWriter(file), true);
    this.tally = tally;
    this.collector = collector;
    this.nanos = nanos;
    this.clockTicks = clockTicks;
    out.println(
        "# utc          s  acked_results  sent_batches  p50_ms  p99_ms  max_ms  collector_cpu"
            + "  collector_sys  minor_faults  fsyncs  fsync_ms  pending_mib  direct_mib  scrape_ms");
    this.thread = Thread.ofPlatform().name("timeline").daemon().unstarted(this::run);
  }

  Timeline start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      long start = nanos.getAsLong();
      Tally.Snapshot before = tally.snapshot();
      ProcStat statBefore = collector.stat();
      CollectorWatch.JournalAndBuffers journalBefore = journalAndBuffers();
      long next = start;
      tally.secondLatency();
      while (!Thread.currentThread().isInterrupted()) {
        next += 1_000_000_000L;
        Thread.sleep(Math.max(0, (next - nanos.getAsLong()) / 1_000_000));
        Tally.Snapshot now = tally.snapshot();
        ProcStat stat = collector.stat();
        long scrapeStart = nanos.getAsLong();
        CollectorWatch.JournalAndBuffers journal = journalAndBuffers();
        double scrapeMillis =
            journal == CollectorWatch.JournalAndBuffers.UNKNOWN
                ? Double.NaN
                : (nanos.getAsLong() - scrapeStart) / 1e6;
        out.println(
            line((nanos.getAsLong() - start) / 1e9, now.minus(before), stat.minus(statBefore))
                + String.format(
                    " %7.0f %9.1f %12.1f %11.1f %10.1f",
                    journal.forces() - journalBefore.forces(),
                    (journal.forceSeconds() - journalBefore.forceSeconds()) * 1e3,
                    journal.pendingBytes() / (1 << 20),
                    journal.directBytes() / (1 << 20),
                    scrapeMillis));
        before = now;
        statBefore = stat;
        journalBefore = journal;
      }
    } catch (InterruptedException e) {
      // closed
    } catch (IOException e) {
      out.println("# timeline stopped: " + e);
    }
  }

  /**
   * The journal's totals and buffers, all NaN when the scrape failed: a missing second, not a lost
   * line.
   */
  private CollectorWatch.JournalAndBuffers journalAndBuffers() throws InterruptedException {
    try {
      return collector.journalAndBuffers();
    } catch (IOException e) {
      return CollectorWatch.JournalAndBuffers.UNKNOWN;
    }
  }

  private String line(double seconds, Tally.Snapshot second, ProcStat collectorSecond) {
    Histogram h = tally.secondLatency();
    return String.format(
        "%s %5.0f %14d %13d %7.1f %7.1f %7.1f %14.2f %14.2f %13d",
        CLOCK.format(Instant.now()),
        seconds,
        second.ackedResults(),
        second.sentBatches(),
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getMaxValue() / 1e6,
        collectorSecond.cpuTicks() / (double) clockTicks,
        collectorSecond.systemTicks() / (double) clockTicks,
        collectorSecond.minorFaults());
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
    out.close();
  }
}
