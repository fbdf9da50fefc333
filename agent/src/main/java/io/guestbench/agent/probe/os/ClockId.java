package io.guestbench.agent.probe.os;

import java.util.Arrays;
import java.util.List;

/**
 * The clocks the timer check reads: the JVM's two, and four of Linux's through {@code
 * clock_gettime} (the ids are the same on every Linux architecture).
 */
public enum ClockId {
  NANOTIME("nanotime", -1),
  CURRENT_TIME_MILLIS("currenttimemillis", -1),
  MONOTONIC("monotonic", 1),
  REALTIME("realtime", 0),
  MONOTONIC_RAW("monotonic_raw", 4),
  MONOTONIC_COARSE("monotonic_coarse", 6);

  private final String label;
  private final int linuxId;

  ClockId(String label, int linuxId) {
    this.label = label;
    this.linuxId = linuxId;
  }

  /** The parameter value naming this clock. */
  public String label() {
    return label;
  }

  /** The {@code clockid_t} for {@code clock_gettime}; negative for the JVM's clocks. */
  public int linuxId() {
    return linuxId;
  }

  /** Whether it is read through {@code clock_gettime} by FFM rather than by the JVM. */
  public boolean viaClockGettime() {
    return linuxId >= 0;
  }

  /**
   * Whether a read never touches the clocksource: the kernel's last tick, kept in the vDSO page.
   */
  public boolean coarse() {
    return this == MONOTONIC_COARSE;
  }

  /** Every label, in declaration order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(ClockId::label).toList();
  }

  /** The clock named {@code label}; see {@link #labels()}. */
  public static ClockId byLabel(String label) {
    return Arrays.stream(values())
        .filter(c -> c.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no clock " + label));
  }
}
