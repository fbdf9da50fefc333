package io.guestbench.collector.metrics;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a probe result cannot be recorded: a bounded reason, fit for a metric label, and a detail for
 * logs that quotes at most a short, sanitised piece of the input.
 *
 * @param reason the bounded reason
 * @param detail what exactly was wrong, for a human
 */
public record Problem(Reason reason, String detail) {

  /** The fixed set of reasons; {@link #label()} is the form used in metrics and logs. */
  public enum Reason {
    UNKNOWN_PROBE,
    UNKNOWN_PARAM,
    BAD_PARAM_VALUE,
    TOO_MANY_PARAMS,
    UNKNOWN_VALUE,
    DUPLICATE_VALUE,
    NON_FINITE_VALUE,
    NEGATIVE_VALUE,
    BAD_HISTOGRAM,
    BAD_TIME,
    BAD_STATUS,
    BAD_STEAL,
    AGENT_SERIES_BUDGET,
    SERIES_BUDGET;

    /** The reason in snake case, for example {@code unknown_probe}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final int MAX_QUOTED = 64;

  public Problem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return reason.label() + ": " + detail;
  }

  /**
   * Input text made safe to put in a detail: quoted, at most 64 characters, control characters
   * replaced, because the text comes from a remote agent and ends up in logs.
   */
  static String quote(String input) {
    StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_QUOTED) + 5).append('"');
    for (int i = 0; i < input.length() && i < MAX_QUOTED; i++) {
      char c = input.charAt(i);
      out.append(Character.isISOControl(c) || c == '"' || c == '\\' ? '?' : c);
    }
    return out.append(input.length() > MAX_QUOTED ? "...\"" : "\"").toString();
  }
}
