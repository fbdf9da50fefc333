package io.guestbench.agent.host.detect;

import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code /proc/cpuinfo} says about the processors.
 *
 * @param model the first {@code model name}, if any (ARM kernels print none)
 * @param processors how many {@code processor} entries there are; 0 when unknown
 * @param hypervisor whether the first {@code flags} line carries {@code hypervisor}
 */
record CpuInfo(Optional<String> model, int processors, Flag hypervisor) {
  /** A CPU flag's state; unknown when there is no flags line to look in (non-x86, unreadable). */
  enum Flag {
    PRESENT,
    ABSENT,
    UNKNOWN;

    /** The fact value: {@code true}, {@code false} or {@code unknown}. */
    String fact() {
      return switch (this) {
        case PRESENT -> "true";
        case ABSENT -> "false";
        case UNKNOWN -> "unknown";
      };
    }
  }

  CpuInfo {
    if (processors < 0) {
      throw new IllegalArgumentException("processors: " + processors + " (expected: >= 0)");
    }
  }

  static final CpuInfo UNREADABLE = new CpuInfo(Optional.empty(), 0, Flag.UNKNOWN);

  /** Parses the text of {@code /proc/cpuinfo}. */
  static CpuInfo parse(String text) {
    int processors = (int) text.lines().filter(l -> key(l).equals("processor")).count();
    Optional<String> model =
        text.lines().filter(l -> key(l).equals("model name")).findFirst().map(CpuInfo::value);
    Flag hypervisor =
        text.lines()
            .filter(l -> key(l).equals("flags"))
            .findFirst()
            .map(l -> Arrays.asList(value(l).split("\\s+")).contains("hypervisor"))
            .map(has -> has ? Flag.PRESENT : Flag.ABSENT)
            .orElse(Flag.UNKNOWN);
    return new CpuInfo(model.filter(m -> !m.isEmpty()), processors, hypervisor);
  }

  private static String key(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? "" : line.substring(0, colon).trim();
  }

  private static String value(String line) {
    return line.substring(line.indexOf(':') + 1).trim();
  }
}
