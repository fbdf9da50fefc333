package io.guestbench.agent.probe.disk;

/**
 * How messages name a parameter: as a plan's key ({@code allow_existing: true}) or as the {@code
 * disk} command's flag ({@code --allow-existing}), so every error points at what the user typed.
 */
public enum Spelling {
  PLAN,
  FLAGS;

  /** The parameter's name, for example {@code allow_existing} or {@code --allow-existing}. */
  public String key(String key) {
    return switch (this) {
      case PLAN -> key;
      case FLAGS -> "--" + key.replace('_', '-');
    };
  }

  /**
   * The parameter set to a value, for example {@code direct: 0} or {@code --direct 0}; a flag set
   * to {@code true} is the bare flag.
   */
  public String set(String key, String value) {
    return switch (this) {
      case PLAN -> key + ": " + value;
      case FLAGS -> value.equals("true") ? key(key) : key(key) + " " + value;
    };
  }

  /**
   * A problem line from {@link io.guestbench.agent.probe.ParamReader}, {@code key: value (expected:
   * ...)}, with its leading key spelled this way.
   */
  public String problem(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? line : key(line.substring(0, colon)) + line.substring(colon);
  }
}
