package io.guestbench.e2e.load;

import java.io.PrintStream;
import org.HdrHistogram.Histogram;

/** The printed report: every line says what was measured and how. */
final class LoadReport {
  private static final double MIB = 1024 * 1024;

  private final PrintStream out;
  private final LoadOptions o;
  private final double seconds;

  LoadReport(PrintStream out, LoadOptions o, double seconds) {
    this.out = out;
    this.o = o;
    this.seconds = seconds;
  }

  LoadReport header(long connectMillis, Tally tally) {
    out.printf(
        "agents: %d, each its own TCP connection and Connect stream; welcomed %d in %d ms; open at"
            + " the end of the window %d%n",
        o.agents(), tally.welcomed.get(), connectMillis, tally.open.get());
    out.printf(
        "load: %s, batch %d results, at most %d batches in flight per stream; window %.1f s after"
            + " a %d s warm-up%s%n",
        o.rate() > 0
            ? "open loop at " + o.rate() + " results/s offered"
            : "closed loop (as fast as acks allow)",
        o.batch(),
        o.window(),
        seconds,
        o.warmup(),
        o.ramp() > 0 ? " whose first " + o.ramp() + " s ramp the offered rate up from zero" : "");
    out.println(
        "sample: one scalar or one distribution (histogram) of a result; results are cpu.compute"
            + " (2 samples), disk.job randread (4), net.rr tcp_rr (3) in equal parts");
    if (o.histogramDigits() != 3) {
      out.printf(
          "histograms: re-recorded at %d significant digits (a what-if: the agent sends 3)%n",
          o.histogramDigits());
    }
    return this;
  }

  LoadReport throughput(Tally.Snapshot w, Histogram latency) {
    out.printf(
        "acked in window: %d results (%.0f/s), %d samples (%.0f/s), %d batches (%.0f/s); sent %d"
            + " batches%n",
        w.ackedResults(),
        w.ackedResults() / seconds,
        w.ackedSamples(),
        w.ackedSamples() / seconds,
        w.ackedBatches(),
        w.ackedBatches() / seconds,
        w.sentBatches());
    out.printf(
        "ack latency, %s → the Ack covering the batch, %d batches: p50 %.2f ms, p90 %.2f ms, p99"
            + " %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
        o.rate() > 0 ? "intended send time" : "send",
        latency.getTotalCount(),
        ms(latency.getValueAtPercentile(50)),
        ms(latency.getValueAtPercentile(90)),
        ms(latency.getValueAtPercentile(99)),
        ms(latency.getValueAtPercentile(99.9)),
        ms(latency.getMaxValue()));
    out.printf(
        "nacks by reason: %s; stream errors: %s; paced batches that waited for the window: %d;"
            + " dropped by a full generator backlog: %d%n",
        LoadRun.reasons(w.nacks()), LoadRun.reasons(w.streamErrors()), w.deferred(), w.overflow());
    retries("in window", w);
    return this;
  }

  /** Retryable Nacks and what the agents did about them, like the agent: reconnect and resend. */
  private void retries(String when, Tally.Snapshot s) {
    out.printf(
        "retryable nacks %s: %s; streams reconnected after one: %d; batches resent: %d (their"
            + " latency counts from the first %s)%n",
        when,
        LoadRun.reasons(s.retryableNacks()),
        s.reconnects(),
        s.resent(),
        o.rate() > 0 ? "intended send time" : "send");
  }

  LoadReport collector(
      double cores, double selfCores, long rssKib, long hwmKib, double[] heap, int scrapes) {
    int cpus = Runtime.getRuntime().availableProcessors();
    out.printf(
        "collector CPU: %.2f cores of %d (utime+stime from /proc/PID/stat over the window)%n",
        cores, cpus);
    out.printf(
        "load generator CPU: %.2f cores of %d (same machine, same cores: it competes with the"
            + " collector)%n",
        selfCores, cpus);
    out.printf(
        "collector memory: VmRSS %.0f MiB, VmHWM %.0f MiB (/proc/PID/status at the window's end);"
            + " heap used %.0f MiB at start, %.0f MiB at end, %.0f MiB max of %d /metrics scrapes"
            + " (jvm_memory_used_bytes{area=\"heap\"}, every %d s)%n",
        rssKib / 1024.0,
        hwmKib / 1024.0,
        heap[0] / MIB,
        heap[1] / MIB,
        heap[2] / MIB,
        scrapes,
        LoadRun.SCRAPE_SECONDS);
    return this;
  }

  LoadReport threads(String coresByKind) {
    out.printf(
        "collector CPU by thread (cores; /proc/PID/task/*/stat, numbers dropped from the names):"
            + " %s%n",
        coresByKind);
    return this;
  }

  /** The collector's kernel time and first touches of memory, which stall it on some VMs. */
  LoadReport kernel(double systemCores, double minorFaultsPerSecond) {
    out.printf(
        "collector kernel time: %.2f cores of its CPU above; page faults %.0f/s (minor: first"
            + " touches of memory it was given, such as a growing heap; /proc/PID/stat)%n",
        systemCores, minorFaultsPerSecond);
    return this;
  }

  LoadReport scrapes(long slowestMillis, long pageGzipBytes) {
    out.printf(
        "collector /metrics under load: slowest scrape %d ms, last page %.2f MiB gzip-compressed"
            + " (its CPU is in the collector's figure above; the generator only counts its bytes)%n",
        slowestMillis, pageGzipBytes / MIB);
    return this;
  }

  /** The journal's one writer over the window: how busy its write and fsync kept it. */
  LoadReport journal(double secs, double groups, double forcedSeconds, double records) {
    out.printf(
        "journal in the window: %.0f group commits, %.1f batches each on average, write + fsync"
            + " %.2f ms on average, the writer thread in write + fsync %.0f%% of the window%n",
        groups,
        groups == 0 ? 0 : records / groups,
        groups == 0 ? 0 : forcedSeconds / groups * 1000,
        forcedSeconds / secs * 100);
    return this;
  }

  void agreement(double storedInWindow, boolean drained, Tally.Snapshot run, double storedTotal) {
    retries("over the whole run", run);
    long ackedTotal = run.ackedResults();
    out.printf(
        "collector's results_stored_total rose by %.0f in the window (acks lag stores by the"
            + " batches in flight at the edges)%n",
        storedInWindow);
    out.printf(
        "check after draining%s: results acked over the whole run %d, collector's"
            + " guestbench_collector_results_stored_total %.0f: %s%n",
        drained ? "" : " (NOT drained within 30 s)",
        ackedTotal,
        storedTotal,
        ackedTotal == (long) storedTotal ? "agree" : "DISAGREE");
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
