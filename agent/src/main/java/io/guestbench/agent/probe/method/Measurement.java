package io.guestbench.agent.probe.method;

import io.guestbench.proto.v1.Scalar;
import java.util.List;
import java.util.Map;

/**
 * The measured phase of one run: each subject's samples, the figure the probe reports and how the
 * repetitions ended.
 *
 * @param subjects in the order they were given
 * @param figureNanos the figure over the whole measured phase, from each subject's overall mean
 * @param medianFigureNanos the median of the per-repetition figures
 * @param cov the coefficient of variation of the per-repetition figures; NaN or infinite when it
 *     could not be judged
 * @param repetitions how many ran
 * @param converged whether the coefficient of variation reached its target
 * @param timer the clock's cost when the run started, which set the batch sizes
 * @param startWallNanos when the measured phase started, Unix time
 * @param endWallNanos when it ended
 * @param stealRatio 0..1, or negative when /proc/stat could not be read
 */
public record Measurement(
    List<Measured> subjects,
    double figureNanos,
    double medianFigureNanos,
    double cov,
    int repetitions,
    boolean converged,
    TimerFigures timer,
    long startWallNanos,
    long endWallNanos,
    double stealRatio) {
  public static final String REPETITIONS = "repetitions";
  public static final String CONVERGED = "converged";
  public static final String BATCH_OPS = "batch_ops";
  public static final String COV_RATIO = "cov_ratio";

  public Measurement {
    subjects = List.copyOf(subjects);
    if (subjects.isEmpty() || repetitions < 1) {
      throw new IllegalArgumentException("nothing measured");
    }
  }

  /** The first subject: the operation the probe is about. */
  public Measured main() {
    return subjects.getFirst();
  }

  /** How it went, as result parameters: repetitions, converged and the main subject's batch. */
  public Map<String, String> resultParams() {
    return Map.of(
        REPETITIONS, Integer.toString(repetitions),
        CONVERGED, Boolean.toString(converged),
        BATCH_OPS, Long.toString(main().opsPerBatch()));
  }

  /** The coefficient of variation as a scalar; absent when it is not a finite number. */
  public List<Scalar> covScalar() {
    return Double.isFinite(cov)
        ? List.of(Scalar.newBuilder().setName(COV_RATIO).setValue(cov).build())
        : List.of();
  }
}
