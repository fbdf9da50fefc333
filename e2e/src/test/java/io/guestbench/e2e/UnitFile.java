package io.guestbench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of a systemd unit file, read as systemd reads them for the keys the tests use. Command
 * lines are split on whitespace, which is exactly systemd's reading for lines without quotes,
 * specifiers ({@code %}), variables ({@code $}) or prefixes ({@code -@:+!}); a line with any of
 * them is refused rather than read differently from systemd.
 */
record UnitFile(Path file, Map<String, List<String>> keys) {
  private static final Pattern SPECIAL = Pattern.compile("[\"'%$\\\\]|^[-@:+!]");
  private static final Pattern SECONDS = Pattern.compile("(\\d+)s");

  static UnitFile read(Path file) throws IOException {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    String section = "";
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        section = line.substring(1, line.indexOf(']'));
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(file + ": not a key=value line: " + raw);
      }
      keys.computeIfAbsent(section + "." + line.substring(0, eq).strip(), k -> new ArrayList<>())
          .add(line.substring(eq + 1).strip());
    }
    return new UnitFile(file, keys);
  }

  /** All values of {@code Section.Key}, in order. */
  List<String> values(String key) {
    return keys.getOrDefault(key, List.of());
  }

  /** The single value of {@code Section.Key}. */
  String value(String key) {
    List<String> values = values(key);
    if (values.size() != 1) {
      throw new AssertionError(file + ": expected one " + key + ", found " + values);
    }
    return values.getFirst();
  }

  /** The command line of {@code Service.ExecStart} or {@code Service.ExecStartPre}. */
  List<String> command(String key) {
    String line = value(key);
    if (SPECIAL.matcher(line).find()) {
      throw new AssertionError(file + ": " + key + " needs systemd's full parser: " + line);
    }
    return List.of(line.split("\\s+"));
  }

  /** A time span such as {@code TimeoutStopSec=30s} (seconds only). */
  Duration seconds(String key) {
    Matcher m = SECONDS.matcher(value(key));
    if (!m.matches()) {
      throw new AssertionError(file + ": " + key + " is not N s: " + value(key));
    }
    return Duration.ofSeconds(Long.parseLong(m.group(1)));
  }
}
