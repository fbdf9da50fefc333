package io.guestbench.common.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that all of them are reported at once. */
public final class ConfigProblems {
  private final List<String> problems = new ArrayList<>();
  private final String origin;

  /** Problems reported as {@code origin: ...}, where origin names the file. */
  public ConfigProblems(String origin) {
    this.origin = origin;
  }

  /** Records {@code path: value (expected: expected)}. */
  public void add(String path, String value, String expected) {
    add(path + ": " + value + " (expected: " + expected + ")");
  }

  /** Records a problem already in final form. */
  public void add(String line) {
    problems.add(origin + ": " + line);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws a {@link ConfigException} listing every problem, if there is any. */
  public void throwIfAny() throws ConfigException {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
