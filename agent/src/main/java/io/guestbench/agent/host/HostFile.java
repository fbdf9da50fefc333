package io.guestbench.agent.host;

import java.util.Objects;
import java.util.Optional;

/**
 * What reading one host file gave: its text, or the reason there is none.
 *
 * @param path the host path that was asked for, for example {@code /proc/stat}
 * @param text the content, or {@code null} when unreadable
 * @param problem why it is unreadable (missing, permission denied, too big...), or {@code null}
 */
public record HostFile(String path, String text, String problem) {
  public HostFile {
    Objects.requireNonNull(path, "path");
    if ((text == null) == (problem == null)) {
      throw new IllegalArgumentException("exactly one of text and problem must be set: " + path);
    }
  }

  static HostFile of(String path, String text) {
    return new HostFile(path, text, null);
  }

  static HostFile unreadable(String path, String problem) {
    return new HostFile(path, null, problem);
  }

  /** The content, when the file could be read. */
  public Optional<String> content() {
    return Optional.ofNullable(text);
  }
}
