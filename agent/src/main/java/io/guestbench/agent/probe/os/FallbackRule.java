package io.guestbench.agent.probe.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether reading a clock seems to enter the kernel instead of staying in the vDSO. A read in user
 * space costs tens of nanoseconds; one through a system call costs hundreds, more under Xen PV. The
 * clocksources listed have no user-space read path on many kernels (xen gained one only with a
 * stable-TSC flag from the hypervisor), so they are suspect whatever the cost.
 */
public final class FallbackRule {
  /** Reads slower than this suggest a system call. */
  public static final double MAX_USER_SPACE_NANOS = 150;

  /** Clocksources whose reads often go through a system call. */
  public static final Set<String> SYSCALL_CLOCKSOURCES = Set.of("xen", "hpet", "acpi_pm");

  private FallbackRule() {}

  /** Why reads of {@code clock} at {@code readNanos} are suspect, or empty when they are not. */
  public static Optional<String> suspect(
      ClockId clock, double readNanos, Optional<String> clocksource) {
    List<String> why = new ArrayList<>();
    if (readNanos > MAX_USER_SPACE_NANOS) {
      why.add(
          String.format(
              Locale.ROOT,
              "%s reads take %.0f ns (over %.0f ns)",
              clock.label(),
              readNanos,
              MAX_USER_SPACE_NANOS));
    }
    // A coarse clock reads the last tick from the vDSO page and never touches the clocksource.
    if (!clock.coarse() && clocksource.filter(SYSCALL_CLOCKSOURCES::contains).isPresent()) {
      why.add("clocksource " + clocksource.get() + " often has no user-space read");
    }
    return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
  }
}
