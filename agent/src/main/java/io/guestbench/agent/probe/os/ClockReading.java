package io.guestbench.agent.probe.os;

import java.util.Objects;
import java.util.Optional;

/**
 * What the timer check found for one clock.
 *
 * @param clock which clock
 * @param readNanos nanoseconds per read, net of the FFM baseline call for {@code clock_gettime}
 *     clocks; NaN when the clock is missing
 * @param stepNanos the smallest step seen between two reads, 0 when none was seen
 * @param missing why the clock could not be read, or null when it could
 */
public record ClockReading(ClockId clock, double readNanos, long stepNanos, String missing) {
  public ClockReading {
    Objects.requireNonNull(clock, "clock");
  }

  static ClockReading measured(ClockId clock, double readNanos, long stepNanos) {
    return new ClockReading(clock, Math.max(0, readNanos), stepNanos, null);
  }

  static ClockReading missing(ClockId clock, String reason) {
    return new ClockReading(clock, Double.NaN, 0, Objects.requireNonNull(reason, "reason"));
  }

  public boolean available() {
    return missing == null;
  }

  /** The fact key prefix, for example {@code timer_nanotime} or {@code timer_clock_monotonic}. */
  String factPrefix() {
    return "timer_" + (clock.viaClockGettime() ? "clock_" : "") + clock.label();
  }

  /** Why reads are suspected of being system calls, or empty. */
  Optional<String> fallback(Optional<String> clocksource) {
    return available() ? FallbackRule.suspect(clock, readNanos, clocksource) : Optional.empty();
  }
}
