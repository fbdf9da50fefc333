package io.guestbench.agent.probe.method;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.common.text.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a probe measures, shared by the OS and memory probes: a timed warm-up, then repetitions of a
 * fixed length until the coefficient of variation of their results is small enough or a cap is hit.
 *
 * @param warmup unmeasured time first, so the JIT has compiled the loop and caches are warm
 * @param repetition how long one repetition runs
 * @param minRepetitions repetitions always run; at least 2, so there is a spread to judge
 * @param maxRepetitions the cap when the spread stays too large
 * @param covPercent the coefficient of variation, in percent, that ends the repetitions
 */
public record MethodParams(
    Duration warmup,
    Duration repetition,
    int minRepetitions,
    int maxRepetitions,
    double covPercent) {
  public static final String WARMUP = "warmup";
  public static final String REPETITION = "repetition";
  public static final String MIN_REPETITIONS = "min_repetitions";
  public static final String MAX_REPETITIONS = "max_repetitions";
  public static final String COV_PERCENT = "cov_percent";

  static final Duration MAX_WARMUP = Duration.ofSeconds(60);
  static final Duration MIN_REPETITION = Duration.ofMillis(1);
  static final Duration MAX_REPETITION = Duration.ofSeconds(60);
  static final int MAX_REPETITIONS_CAP = 1000;

  /** Phoronix's threshold of 3.5% with at least 3 runs; 10 repetitions of 200 ms at most. */
  public static final MethodParams DEFAULTS =
      new MethodParams(Duration.ofMillis(300), Duration.ofMillis(200), 3, 10, 3.5);

  public MethodParams {
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(repetition, "repetition");
    if (warmup.isNegative() || warmup.compareTo(MAX_WARMUP) > 0) {
      throw new IllegalArgumentException("warmup " + warmup);
    }
    if (repetition.compareTo(MIN_REPETITION) < 0 || repetition.compareTo(MAX_REPETITION) > 0) {
      throw new IllegalArgumentException("repetition " + repetition);
    }
    if (minRepetitions < 2
        || maxRepetitions < minRepetitions
        || maxRepetitions > MAX_REPETITIONS_CAP) {
      throw new IllegalArgumentException("repetitions " + minRepetitions + ".." + maxRepetitions);
    }
    if (!(covPercent > 0 && covPercent <= 100)) {
      throw new IllegalArgumentException("cov_percent " + covPercent);
    }
  }

  /** These parameters with another repetition length, for a probe whose operations are long. */
  public MethodParams withRepetition(Duration length) {
    return new MethodParams(warmup, length, minRepetitions, maxRepetitions, covPercent);
  }

  /**
   * Reads the parameters, leaving any problems in {@code reader}; bad values read as {@code
   * defaults}.
   */
  public static MethodParams read(ParamReader reader, MethodParams defaults) {
    Duration warmup = reader.duration(WARMUP, defaults.warmup(), Duration.ZERO, MAX_WARMUP);
    Duration repetition =
        reader.duration(REPETITION, defaults.repetition(), MIN_REPETITION, MAX_REPETITION);
    long min = reader.number(MIN_REPETITIONS, defaults.minRepetitions(), 2, MAX_REPETITIONS_CAP);
    long max = reader.number(MAX_REPETITIONS, defaults.maxRepetitions(), 2, MAX_REPETITIONS_CAP);
    double cov = reader.decimal(COV_PERCENT, defaults.covPercent(), 0.1, 100);
    if (max < min) {
      // Blame the key that moved from its default, so the message shows a value that was given.
      if (max == defaults.maxRepetitions()) {
        reader.reject(MIN_REPETITIONS, "at most max_repetitions, " + max);
      } else {
        reader.reject(MAX_REPETITIONS, "at least min_repetitions, " + min);
      }
      max = min;
    }
    return new MethodParams(warmup, repetition, (int) min, (int) max, cov);
  }

  /** The parameters as strings, as they go into a result. */
  public Map<String, String> asMap() {
    return Map.of(
        WARMUP, Durations.format(warmup),
        REPETITION, Durations.format(repetition),
        MIN_REPETITIONS, Integer.toString(minRepetitions),
        MAX_REPETITIONS, Integer.toString(maxRepetitions),
        COV_PERCENT, covPercentText());
  }

  private String covPercentText() {
    return covPercent == Math.rint(covPercent)
        ? Long.toString((long) covPercent)
        : Double.toString(covPercent);
  }
}
