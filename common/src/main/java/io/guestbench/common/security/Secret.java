package io.guestbench.common.security;

import java.util.Objects;

/**
 * A secret read from a file (a bearer token). Its {@code toString} never shows the value, so a
 * secret cannot leak into a log line or a printed config by accident.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The secret itself; only for the wire. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
