package io.guestbench.collector.compare;

/**
 * The standard normal upper tail, accurate to about 1e-12 relative: a Taylor series of erf where it
 * converges without much cancellation, a continued fraction of erfc (modified Lentz) beyond.
 */
final class Normal {
  private static final double SWITCH = 3.0;

  private Normal() {}

  /** P(Z > z) for a standard normal Z. */
  static double upperTail(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < 0) {
      return 1 - upperTail(-z);
    }
    double x = z / Math.sqrt(2);
    return 0.5 * (z < SWITCH ? 1 - erfSeries(x) : erfcFraction(x));
  }

  /** erf(x) = 2/sqrt(pi) sum (-1)^k x^(2k+1) / (k! (2k+1)); fine for x up to about 2.2. */
  private static double erfSeries(double x) {
    double term = x;
    double sum = x;
    for (int k = 1; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= -x * x / k;
      sum += term / (2 * k + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  /**
   * erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated
   * by the modified Lentz method; converges quickly for x above 2.
   */
  private static double erfcFraction(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      double a = k / 2.0;
      d = x + a * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = x + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }
}
