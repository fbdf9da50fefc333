package io.guestbench.agent.probe.disk;

import java.util.Locale;

/** Figures for people: binary byte units, SI counts, latencies in the unit that reads best. */
public final class Human {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Human() {}

  /** For example {@code 1.00 GiB}, {@code 512 B}. */
  public static String bytes(double bytes) {
    int unit = 0;
    while (bytes >= 1024 && unit < UNITS.length - 1) {
      bytes /= 1024;
      unit++;
    }
    if (unit == 0) {
      return String.format(Locale.ROOT, "%.0f B", bytes);
    }
    return String.format(Locale.ROOT, bytes >= 100 ? "%.0f %s" : "%.3g %s", bytes, UNITS[unit]);
  }

  /** Seconds with two decimals, for setup times. */
  public static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  /** A count with an SI prefix and three significant digits, for example {@code 23.4k}. */
  public static String count(double v) {
    String[] prefixes = {"", "k", "M", "G", "T"};
    int i = 0;
    while (Math.abs(v) >= 999.5 && i < prefixes.length - 1) {
      v /= 1000;
      i++;
    }
    return String.format(Locale.ROOT, i == 0 ? "%.0f" : "%.3g%s", v, prefixes[i]);
  }

  /** A latency, for example {@code 41.2 us} or {@code 1.05 ms}. */
  public static String nanos(double ns) {
    if (ns >= 1e9) {
      return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
    } else if (ns >= 1e6) {
      return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
    } else if (ns >= 1e3) {
      return String.format(Locale.ROOT, "%.3g us", ns / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f ns", ns);
  }
}
