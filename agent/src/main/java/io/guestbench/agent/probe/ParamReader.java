package io.guestbench.agent.probe;

import io.guestbench.common.text.ByteSizes;
import io.guestbench.common.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a probe's string parameters, collecting every problem in the form {@code key: value
 * (expected: ...)} instead of stopping at the first; a bad value reads as its default.
 */
public final class ParamReader {
  private static final int MAX_SHOWN = 40;
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");

  private final Map<String, String> raw;
  private final Set<String> known = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();

  public ParamReader(Map<String, String> raw) {
    this.raw = new TreeMap<>(raw); // sorted, so unknown keys are reported in a stable order
  }

  /** One of {@code allowed}. */
  public String choice(String key, String fallback, List<String> allowed) {
    String value = value(key, fallback);
    if (allowed.contains(value)) {
      return value;
    }
    problem(key, orList(allowed));
    return fallback;
  }

  /** A duration such as {@code 500ms} within {@code min..max}. */
  public Duration duration(String key, Duration fallback, Duration min, Duration max) {
    try {
      Duration d = Durations.parse(value(key, Durations.format(fallback)));
      if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
        return d;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below, in the same form as an out-of-range value
    }
    problem(key, Durations.format(min) + ".." + Durations.format(max));
    return fallback;
  }

  /** A whole number within {@code min..max}. */
  public long number(String key, long fallback, long min, long max) {
    try {
      long n = Long.parseLong(value(key, Long.toString(fallback)).trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, in the same form as an out-of-range value
    }
    problem(key, min + ".." + max);
    return fallback;
  }

  /**
   * A byte size such as {@code 4k} or {@code 1G} (see {@link ByteSizes}) within {@code min..max}.
   */
  public long bytes(String key, long fallback, long min, long max) {
    try {
      long n = ByteSizes.parse(value(key, Long.toString(fallback)));
      if (n >= min && n <= max) {
        return n;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // reported below, in the same form as an out-of-range value
    }
    problem(key, ByteSizes.format(min) + ".." + ByteSizes.format(max));
    return fallback;
  }

  /** Free text, such as a path; empty when the key is absent and there is no fallback. */
  public String text(String key, String fallback) {
    return value(key, fallback);
  }

  /** Whether the key was given at all, for parameters whose absence means something. */
  public boolean has(String key) {
    known.add(key);
    return raw.containsKey(key);
  }

  /** A plain decimal number such as {@code 3.5} (no exponent) within {@code min..max}. */
  public double decimal(String key, double fallback, double min, double max) {
    String text = value(key, Double.toString(fallback)).trim();
    // Only digits and one point: Java's own syntax would also take "Infinity", "1e3" or "3.5d".
    if (DECIMAL.matcher(text).matches()) {
      double d = Double.parseDouble(text);
      if (d >= min && d <= max) {
        return d;
      }
    }
    problem(key, min + ".." + max);
    return fallback;
  }

  /**
   * Records a problem that spans keys, such as a block size that does not suit direct I/O, against
   * the value of {@code key}.
   */
  public void reject(String key, String expected) {
    problem(key, expected);
  }

  /**
   * Free text that {@code valid} accepts, such as an address or a path; {@code fallback} (which may
   * be null: the key is optional) when absent. {@code expected} describes a valid value.
   */
  public String text(String key, String fallback, Predicate<String> valid, String expected) {
    String value = value(key, fallback);
    if (value == null || valid.test(value)) {
      return value;
    }
    problem(key, expected);
    return fallback;
  }

  /** Like {@link #text}, for a key without a default: its absence is a problem, and null. */
  public String requiredText(String key, Predicate<String> valid, String expected) {
    String value = text(key, null, valid, expected);
    if (value == null && !raw.containsKey(key)) {
      problems.add(line(key, "missing", expected));
    }
    return value;
  }

  /** Every problem so far, including keys that no read asked for. */
  public List<String> problems() {
    List<String> all = new ArrayList<>(problems);
    raw.forEach(
        (key, value) -> {
          if (!known.contains(key)) {
            all.add(line(key, value, "one of the keys " + String.join(", ", known)));
          }
        });
    return List.copyOf(all);
  }

  private String value(String key, String fallback) {
    known.add(key);
    return raw.getOrDefault(key, fallback);
  }

  private void problem(String key, String expected) {
    problems.add(line(key, raw.getOrDefault(key, "(default)"), expected));
  }

  private static String line(String key, String value, String expected) {
    return shown(key) + ": " + shown(value) + " (expected: " + expected + ")";
  }

  /** The text as it may appear in a one-line message: no control characters, bounded length. */
  private static String shown(String text) {
    String flat = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
    return flat.length() <= MAX_SHOWN ? flat : flat.substring(0, MAX_SHOWN) + "...";
  }

  private static String orList(List<String> allowed) {
    if (allowed.size() == 1) {
      return allowed.get(0);
    }
    List<String> head = allowed.subList(0, allowed.size() - 1);
    return String.join(", ", head) + " or " + allowed.get(allowed.size() - 1);
  }
}
