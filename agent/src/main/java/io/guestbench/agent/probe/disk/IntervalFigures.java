package io.guestbench.agent.probe.disk;

import java.util.List;

/**
 * One interval of the measured phase (normally a second): what the job did in it, so a stall or a
 * slow start shows instead of vanishing into the average.
 *
 * @param index 0 for the first interval after the ramp
 * @param startNanos start, from the beginning of the measured phase
 * @param nanos length; the last interval may be shorter
 * @param read completions of reads in the interval
 * @param write completions of writes in the interval
 */
public record IntervalFigures(int index, long startNanos, long nanos, Side read, Side write) {
  public IntervalFigures {
    if (index < 0 || startNanos < 0 || nanos <= 0) {
      throw new IllegalArgumentException("interval " + index + " " + startNanos + " " + nanos);
    }
  }

  /**
   * Completions and their completion latency in nanoseconds (0s when there were none).
   *
   * @param ops completions
   * @param p50 median completion latency
   * @param p99 99th percentile completion latency
   * @param max longest completion latency
   */
  public record Side(long ops, long p50, long p99, long max) {
    public static final Side NONE = new Side(0, 0, 0, 0);
  }

  /**
   * The intervals whose figures mean something: a last interval shorter than half a second is left
   * out, since its few requests say little, unless it is the only one.
   */
  public static List<IntervalFigures> representative(List<IntervalFigures> all) {
    List<IntervalFigures> full = all.stream().filter(i -> i.nanos() >= 500_000_000L).toList();
    return full.isEmpty() ? List.copyOf(all) : full;
  }

  /** Operations per second of one direction in this interval. */
  public double iops(boolean read) {
    return (read ? this.read : write).ops() * 1e9 / nanos;
  }
}
