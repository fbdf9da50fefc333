package io.guestbench.agent.probe.method;

/**
 * How many units one timed batch has: enough that reading the clock is at most {@link #CLOCK_SHARE}
 * of the batch's time. With a clock read in user space (about 20 ns) a page fault or a context
 * switch is timed on its own or in pairs; where the clock falls back to a syscall (500 ns and
 * more), every probe times batches of many operations instead.
 */
public final class Batching {
  /** The share of a batch's time the clock may take: 1%. */
  public static final double CLOCK_SHARE = 0.01;

  /** No batch is larger, whatever the estimate; a guard against an operation that seems free. */
  public static final long MAX_UNITS = 1L << 24;

  private Batching() {}

  /**
   * Units per batch for an operation whose unit takes about {@code unitNanos}, within the
   * operation's own {@code min..max}.
   */
  public static long unitsPerBatch(TimerFigures timer, double unitNanos, long min, long max) {
    long cap = Math.max(min, Math.min(max, MAX_UNITS));
    if (!(unitNanos > 0)) {
      return cap;
    }
    double wanted = Math.ceil(timer.uncertaintyNanos() / (CLOCK_SHARE * unitNanos));
    return Math.clamp((long) Math.min(wanted, MAX_UNITS), min, cap);
  }
}
