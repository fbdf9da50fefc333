package io.guestbench.common.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses byte sizes: a whole number with an optional unit, binary ({@code k}, {@code KiB}, {@code
 * M}, {@code MiB}, {@code G}, {@code GiB}, {@code T}) as fio reads them, or decimal ({@code KB},
 * {@code MB}, {@code GB}, {@code TB}).
 */
public final class ByteSizes {
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})\\s*([kmgt]?)(i?b?)");

  private ByteSizes() {}

  /** The size in bytes, or an {@link IllegalArgumentException} saying what is expected. */
  public static long parse(String text) {
    String t = text == null ? "" : text.trim();
    Matcher m = FORMAT.matcher(t.toLowerCase(Locale.ROOT));
    if (!m.matches() || (!m.group(3).isEmpty() && m.group(2).isEmpty())) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size (expected: a whole number with k, M, G, T, KiB, MB...)");
    }
    boolean decimal = m.group(3).equals("b");
    long base = decimal ? 1000L : 1024L;
    int power = m.group(2).isEmpty() ? 0 : "kmgt".indexOf(m.group(2)) + 1;
    long value = Long.parseLong(m.group(1));
    for (int i = 0; i < power; i++) {
      value = Math.multiplyExact(value, base);
    }
    return value;
  }

  /** The shortest exact binary form that {@link #parse} reads back, for example {@code 4k}. */
  public static String format(long bytes) {
    String[] units = {"T", "G", "M", "k"};
    for (int i = 0; i < units.length; i++) {
      long factor = 1L << (10 * (units.length - i));
      if (bytes != 0 && bytes % factor == 0) {
        return bytes / factor + units[i];
      }
    }
    return Long.toString(bytes);
  }
}
