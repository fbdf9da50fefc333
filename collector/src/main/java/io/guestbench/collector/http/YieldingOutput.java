package io.guestbench.collector.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The {@code /metrics} page's output, which steps aside while the cores are busy. Writing and
 * compressing the page of 1,000 agents takes about a tenth of a core-second; taken at once by a
 * collector whose cores are ~90% busy with ingest, that is a backlog of batches that delays every
 * ack for the next second (a p99 spike every scrape). So after each chunk the page thread compares
 * the CPU it got with the time that passed: when it waited for a core a third of that time or more,
 * it sleeps three times the CPU the chunk took, using at most a quarter of a core until the cores
 * are free again. An idle collector writes the page at full speed. Pauses stop after {@link
 * #MAX_PAUSE_NANOS} per page, well inside Prometheus' default 10 s scrape timeout.
 */
final class YieldingOutput extends FilterOutputStream {
  static final long MAX_PAUSE_NANOS = 2_000_000_000L;
  private static final int PAUSE_PER_CPU = 3;

  /** The thread's clocks, and its sleep. */
  interface Clocks {
    long wallNanos();

    /** The calling thread's CPU time; negative when not measurable (a virtual thread). */
    long cpuNanos();

    void sleepNanos(long nanos) throws InterruptedException;
  }

  static final Clocks REAL =
      new Clocks() {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        @Override
        public long wallNanos() {
          return System.nanoTime();
        }

        @Override
        public long cpuNanos() {
          return threads.getCurrentThreadCpuTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
      };

  private final Clocks clocks;
  private long markWall;
  private long markCpu;
  private long paused;

  YieldingOutput(OutputStream out, Clocks clocks) {
    super(out);
    this.clocks = clocks;
    markWall = clocks.wallNanos();
    markCpu = clocks.cpuNanos();
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    long wall = clocks.wallNanos();
    long cpu = clocks.cpuNanos();
    long ranWall = wall - markWall;
    long ranCpu = cpu - markCpu;
    boolean measurable = markCpu >= 0 && cpu >= 0;
    markWall = wall;
    markCpu = cpu;
    if (measurable && ranWall - ranCpu >= ranWall / 3 && paused < MAX_PAUSE_NANOS) {
      long pause = Math.min(ranCpu * PAUSE_PER_CPU, MAX_PAUSE_NANOS - paused);
      paused += pause;
      try {
        clocks.sleepNanos(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing /metrics");
      }
      markWall = clocks.wallNanos(); // the next chunk's time starts after the pause
    }
  }

  /** Time spent paused so far. */
  long pausedNanos() {
    return paused;
  }
}
