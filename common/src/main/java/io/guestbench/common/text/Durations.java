package io.guestbench.common.text;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints human durations such as {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})(ns|us|ms|s|m|h)");

  private Durations() {}

  /** The duration, or an {@link IllegalArgumentException} whose message says what is expected. */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (expected: a whole number and ns, us, ms, s, m or h)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ns" -> Duration.ofNanos(n);
      case "us" -> Duration.ofNanos(Math.multiplyExact(n, 1_000L));
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** The shortest exact form, for example {@code 1500ms} or {@code 2m}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    long[] factors = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    String[] units = {"h", "m", "s", "ms", "us"};
    for (int i = 0; i < factors.length; i++) {
      if (nanos != 0 && nanos % factors[i] == 0) {
        return nanos / factors[i] + units[i];
      }
    }
    return nanos + (nanos == 0 ? "s" : "ns");
  }
}
