package io.guestbench.agent.host.detect;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Summarises {@code /sys/devices/system/cpu/vulnerabilities/*}: they confound syscall and
 * page-fault costs (PV guests get no PTI), so every result must say which were active.
 */
final class Mitigations {
  private Mitigations() {}

  /**
   * {@code meltdown=Mitigation: PTI;spectre_v2=Mitigation: Retpolines}: the first clause of each
   * status, skipping the vulnerabilities this CPU is not affected by, in name order.
   */
  static String summary(Map<String, String> statusByName) {
    String summary =
        statusByName.entrySet().stream()
            .filter(e -> !e.getValue().equals("Not affected"))
            .map(e -> e.getKey() + "=" + firstClause(e.getValue()))
            .collect(Collectors.joining(";"));
    return summary.isEmpty() ? "none affected" : summary;
  }

  /** The names whose status starts with {@code Vulnerable}, comma-separated, or {@code none}. */
  static String vulnerable(Map<String, String> statusByName) {
    String names =
        statusByName.entrySet().stream()
            .filter(e -> e.getValue().startsWith("Vulnerable"))
            .map(Map.Entry::getKey)
            .collect(Collectors.joining(","));
    return names.isEmpty() ? "none" : names;
  }

  private static String firstClause(String status) {
    int semicolon = status.indexOf(';');
    return (semicolon < 0 ? status : status.substring(0, semicolon)).trim();
  }
}
