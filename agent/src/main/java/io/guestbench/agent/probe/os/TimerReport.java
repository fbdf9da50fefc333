package io.guestbench.agent.probe.os;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The timer check's findings: every clock's read cost and step, the clocksource, and whether the
 * JVM's clock seems to fall back to a system call.
 *
 * @param clocks one per {@link ClockId}, in its order
 * @param clocksource the kernel's current clocksource, when readable
 * @param ffmCallNanos the FFM baseline call's cost, NaN when FFM is unavailable
 */
public record TimerReport(
    List<ClockReading> clocks, Optional<String> clocksource, double ffmCallNanos) {
  public TimerReport {
    clocks = List.copyOf(clocks);
  }

  /**
   * Why {@code System.nanoTime()} — what every probe and most Java code times with — is suspected
   * of being a system call, or empty.
   */
  public Optional<String> fallback() {
    return clocks.stream()
        .filter(c -> c.clock() == ClockId.NANOTIME)
        .findFirst()
        .flatMap(c -> c.fallback(clocksource));
  }

  /**
   * As host facts: {@code timer_nanotime_ns} and the like for every clock read ({@code
   * timer_clock_monotonic_ns} for {@code clock_gettime} ones, net of the FFM call, which is {@code
   * timer_ffm_call_ns}), {@code timer_nanotime_step_ns}, and {@code timer_syscall_fallback} true or
   * false with {@code timer_syscall_fallback_reason} when true.
   */
  public Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>();
    for (ClockReading c : clocks) {
      if (c.available()) {
        facts.put(c.factPrefix() + "_ns", oneDecimal(c.readNanos()));
      }
      // Only the JVM clock's step: a Hello holds at most 64 facts, and os.clock_read has the rest.
      if (c.available() && c.clock() == ClockId.NANOTIME) {
        facts.put(c.factPrefix() + "_step_ns", Long.toString(c.stepNanos()));
      }
    }
    if (Double.isFinite(ffmCallNanos)) {
      facts.put("timer_ffm_call_ns", oneDecimal(ffmCallNanos));
    }
    Optional<String> fallback = fallback();
    facts.put("timer_syscall_fallback", Boolean.toString(fallback.isPresent()));
    fallback.ifPresent(reason -> facts.put("timer_syscall_fallback_reason", reason));
    return facts;
  }

  /** Why clocks are missing, one line each. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    clocks.stream()
        .filter(c -> !c.available())
        .forEach(c -> notes.add(c.clock().label() + ": " + c.missing()));
    return notes;
  }

  private static String oneDecimal(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
