package io.guestbench.common.config;

import java.util.List;

/** Configuration that cannot be used; carries every problem found, one line each. */
public final class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  /** Each problem as {@code path: value (expected: ...)}. */
  public List<String> problems() {
    return problems;
  }
}
