package io.guestbench.collector.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host facts that predict trouble whatever the benchmarks say (DOMAIN.md): the {@code xen}
 * clocksource and a timer that falls back to a system call (every time read costs a syscall), no
 * SR-IOV enhanced networking, and an old kernel (older than 4.14, the oldest longterm series still
 * maintained when the PV families were retired; no io_uring, fewer mitigations backported).
 */
public final class RiskyFacts {
  private static final Pattern KERNEL = Pattern.compile("^(\\d+)\\.(\\d+)");

  /** Fact checks by the name reports use; each reads the agent's labels (its host facts). */
  static final Map<String, Predicate<Map<String, String>>> CHECKS = checks();

  private RiskyFacts() {}

  private static Map<String, Predicate<Map<String, String>>> checks() {
    Map<String, Predicate<Map<String, String>>> c = new LinkedHashMap<>();
    c.put("xen_clocksource", f -> "xen".equals(f.get("clocksource")));
    c.put("timer_syscall_fallback", f -> "true".equals(f.get("timer_syscall_fallback")));
    c.put("no_sriov", f -> "none".equals(f.get("sriov")));
    c.put("old_kernel", f -> kernel(f.get("kernel_release")).filter(v -> v < 414).isPresent());
    return c;
  }

  /** major × 100 + minor of a kernel release such as {@code 3.13.0-170-generic}. */
  static Optional<Integer> kernel(String release) {
    if (release == null) {
      return Optional.empty();
    }
    Matcher m = KERNEL.matcher(release);
    return m.find()
        ? Optional.of(
            Integer.parseInt(m.group(1)) * 100 + Math.min(99, Integer.parseInt(m.group(2))))
        : Optional.empty();
  }
}
