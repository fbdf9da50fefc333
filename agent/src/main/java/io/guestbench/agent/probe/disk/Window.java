package io.guestbench.agent.probe.disk;

import java.time.Duration;

/**
 * When a job runs, in {@link System#nanoTime()} units: it starts at {@code start}, ramps up until
 * {@code measureFrom}, and stops issuing requests at {@code end}. Only requests that complete
 * inside {@code [measureFrom, end)} count, so IOPS is an exact count over an exact time.
 */
record Window(long start, long measureFrom, long end) {
  Window {
    if (measureFrom < start || end <= measureFrom) {
      throw new IllegalArgumentException("window " + start + " " + measureFrom + " " + end);
    }
  }

  static Window starting(long start, Duration ramp, Duration runtime) {
    long from = start + ramp.toNanos();
    return new Window(start, from, from + runtime.toNanos());
  }

  boolean measures(long completedAt) {
    return completedAt - measureFrom >= 0 && completedAt - end < 0;
  }

  boolean over(long now) {
    return now - end >= 0;
  }

  long measuredNanos() {
    return end - measureFrom;
  }
}
