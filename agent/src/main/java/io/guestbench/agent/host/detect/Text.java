package io.guestbench.agent.host.detect;

import io.guestbench.agent.host.HostFile;
import java.util.Optional;

/** Small text helpers shared by the parsers: host files end in newlines and may hold anything. */
final class Text {
  /** The proto's bound on fact values; evidence lines follow it too. */
  static final int MAX_VALUE = 256;

  private Text() {}

  /** The trimmed content of a readable, non-blank file. */
  static Optional<String> value(HostFile file) {
    return file.content().map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The first line of a readable file, trimmed, when it is not blank. */
  static Optional<String> firstLine(HostFile file) {
    return file.content()
        .flatMap(t -> t.lines().findFirst())
        .map(String::trim)
        .filter(s -> !s.isEmpty());
  }

  /** What a file said, quoted, or why it said nothing: for evidence lines. */
  static String describe(HostFile file) {
    if (file.content().isEmpty()) {
      return file.problem();
    }
    return value(file).map(v -> '"' + v + '"').orElse("empty");
  }

  /** One printable line of at most {@link #MAX_VALUE} characters; control characters become '?'. */
  static String line(String text) {
    String printable = text.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "?");
    return truncate(printable.strip());
  }

  /** At most {@link #MAX_VALUE} characters, the last one an ellipsis when something was cut. */
  static String truncate(String text) {
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
  }
}
