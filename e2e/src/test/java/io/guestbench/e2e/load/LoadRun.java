package io.guestbench.e2e.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/** Warm-up, the measured window, the drain and the cross-check, then the report on stdout. */
final class LoadRun {
  /** Seconds between /metrics scrapes during the window, like a busy Prometheus. */
  static final int SCRAPE_SECONDS = 10;

  private final LoadOptions o;
  private final List<LoadAgent> agents;
  private final Tally tally;
  private final LongSupplier nanos;
  private final CollectorWatch collector;
  private final PrintStream out = System.out;
  private long slowestScrapeMillis;
  private long pageGzipBytes;

  LoadRun(
      LoadOptions o,
      List<LoadAgent> agents,
      Tally tally,
      LongSupplier nanos,
      CollectorWatch collector) {
    this.o = o;
    this.agents = agents;
    this.tally = tally;
    this.nanos = nanos;
    this.collector = collector;
  }

  void measure(long connectMillis) throws Exception {
    Thread pacer = o.rate() > 0 ? startPacer() : null;
    Timeline timeline =
        o.timeline().isEmpty()
            ? null
            : new Timeline(Path.of(o.timeline()), tally, collector, nanos, o.clockTicks()).start();
    warmUp();
    Tally.Snapshot s0 = tally.snapshot();
    tally.latencySinceLast();
    String page0 = scrape();
    ProcStat stat0 = collector.stat();
    Map<String, Long> threads0 = collector.threadTicks();
    long self0 = ProcStat.of("self").cpuTicks();
    long t0 = nanos.getAsLong();
    double heapMax = heap(page0);
    int scrapes = 1;
    long endAt = t0 + o.seconds() * 1_000_000_000L;
    while (nanos.getAsLong() < endAt) {
      long left = (endAt - nanos.getAsLong()) / 1_000_000;
      Thread.sleep(Math.max(1, Math.min(left, SCRAPE_SECONDS * 1000L)));
      if (nanos.getAsLong() < endAt - 1_000_000_000L) {
        heapMax = Math.max(heapMax, heap(scrape()));
        scrapes++;
        System.err.printf(
            "collector-load: %d s, %d results acked%n",
            (nanos.getAsLong() - t0) / 1_000_000_000L,
            tally.snapshot().ackedResults() - s0.ackedResults());
      }
    }
    Tally.Snapshot acked = tally.snapshot().minus(s0);
    Histogram latency = tally.latencySinceLast();
    long t1 = nanos.getAsLong();
    if (timeline != null) {
      timeline.close();
    }
    ProcStat window = collector.stat().minus(stat0);
    Map<String, Long> threads1 = collector.threadTicks();
    long self1 = ProcStat.of("self").cpuTicks();
    String page1 = scrape();
    heapMax = Math.max(heapMax, heap(page1));
    scrapes++;
    long rss = collector.statusKib("VmRSS");
    long hwm = collector.statusKib("VmHWM");
    if (pacer != null) {
      pacer.interrupt();
      pacer.join();
    }
    agents.forEach(LoadAgent::stop);
    boolean drained = LoadMain.waitFor(() -> inFlight(tally.snapshot()) == 0, 30);
    String pageEnd = scrape();
    double secs = (t1 - t0) / 1e9;
    new LoadReport(out, o, secs)
        .header(connectMillis, tally)
        .throughput(acked, latency)
        .collector(
            window.cpuTicks() / (double) o.clockTicks() / secs,
            (self1 - self0) / (double) o.clockTicks() / secs,
            rss,
            hwm,
            new double[] {heap(page0), heap(page1), heapMax},
            scrapes)
        .threads(ThreadCpu.cores(threads0, threads1, o.clockTicks() * secs))
        .kernel(window.systemTicks() / (double) o.clockTicks() / secs, window.minorFaults() / secs)
        .scrapes(slowestScrapeMillis, pageGzipBytes)
        .journal(
            secs,
            delta(page0, page1, "guestbench_collector_journal_fsync_seconds_count"),
            delta(page0, page1, "guestbench_collector_journal_fsync_seconds_sum"),
            delta(page0, page1, "guestbench_collector_journal_group_records_sum"))
        .agreement(stored(page1) - stored(page0), drained, tally.snapshot(), stored(pageEnd));
  }

  /** A /metrics scrape, keeping the slowest time and the page size. */
  private String scrape() throws Exception {
    long start = nanos.getAsLong();
    CollectorWatch.Scrape page = collector.scrape();
    slowestScrapeMillis = Math.max(slowestScrapeMillis, (nanos.getAsLong() - start) / 1_000_000);
    pageGzipBytes = page.gzipBytes();
    return page.kept();
  }

  /** Batches sent and not yet settled; a retryably refused batch stays in until it is acked. */
  static long inFlight(Tally.Snapshot s) {
    long nacked = s.nacks().values().stream().mapToLong(Long::longValue).sum();
    return s.sentBatches() - s.ackedBatches() - nacked;
  }

  private static double heap(String page) {
    return CollectorWatch.sum(page, "jvm_memory_used_bytes", List.of("area=\"heap\""));
  }

  private static double delta(String from, String to, String metric) {
    return CollectorWatch.sum(to, metric, List.of()) - CollectorWatch.sum(from, metric, List.of());
  }

  private static double stored(String page) {
    return CollectorWatch.sum(page, "guestbench_collector_results_stored_total", List.of());
  }

  private Thread startPacer() {
    Pacer pacer =
        new Pacer(agents, nanos.getAsLong(), o.rate(), o.batch(), o.ramp() * 1_000_000_000L);
    Thread t =
        Thread.ofPlatform()
            .name("pacer")
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    pacer.release(nanos.getAsLong());
                    try {
                      Thread.sleep(1);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    return t;
  }

  /**
   * The warm-up, scraped every {@link #SCRAPE_SECONDS} like the window: Prometheus scrapes from the
   * start, and a window that began with the first scrape of a cold collector measured that one slow
   * scrape (a 0.4 s stall of acks in the window's first seconds) rather than the steady state.
   */
  private void warmUp() throws Exception {
    long period = SCRAPE_SECONDS * 1_000_000_000L;
    long start = nanos.getAsLong();
    long end = start + o.warmup() * 1_000_000_000L;
    for (long next = start + period; next < end; next += period) {
      sleepUntil(next);
      collector.scrape();
    }
    sleepUntil(end);
  }

  private void sleepUntil(long nanoTime) throws InterruptedException {
    Thread.sleep(Math.max(0, (nanoTime - nanos.getAsLong()) / 1_000_000));
  }

  static String reasons(Map<String, Long> m) {
    return m.isEmpty() ? "none" : m.toString();
  }
}
