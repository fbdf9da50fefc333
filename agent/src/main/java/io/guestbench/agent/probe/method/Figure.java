package io.guestbench.agent.probe.method;

/**
 * What a measurement reports from its subjects' mean nanoseconds per operation, in subject order;
 * the coefficient of variation is judged on this figure, one value per repetition.
 */
@FunctionalInterface
public interface Figure {
  double of(double[] nanosPerOp);

  /** The only subject's mean. */
  Figure SINGLE = means -> means[0];

  /** The first subject's mean minus the second's, for an operation net of a baseline call. */
  Figure NET_OF_BASELINE = means -> means[0] - means[1];
}
