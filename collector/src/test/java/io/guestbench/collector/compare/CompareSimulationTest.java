package io.guestbench.collector.compare;

import static io.guestbench.collector.compare.Fixtures.iops;
import static io.guestbench.collector.compare.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.compare.Verdict.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The statistics checked by simulation: groups drawn from lognormal distributions with a known
 * ratio of medians, every draw seeded so the figures are the same on every run (and can still fail
 * when the method changes). Tolerances are three binomial standard deviations of the trial count,
 * so a correct method fails by chance about once in 700 seeds.
 */
class CompareSimulationTest {
  private static final double TRUE_RATIO = 1.2;
  private final CompareEngine engine = new CompareEngine();

  @Test
  void intervalsCoverTheTrueRatioAbout95PercentOfTheTime() {
    int trials = 2_000;
    SplittableRandom random = new SplittableRandom(20261126);
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      double[] hvm = draw(random, 10, TRUE_RATIO, 0.3);
      double[] pv = draw(random, 10, 1.0, 0.3);
      RatioInterval r = Bootstrap.ratioOfMedians(hvm, pv, 2_000, 0.95, random.split());
      covered += r.lower() <= TRUE_RATIO && TRUE_RATIO <= r.upper() ? 1 : 0;
    }
    double coverage = covered / (double) trials;
    double sd = Math.sqrt(0.95 * 0.05 / trials); // 0.0049
    System.out.printf("bootstrap coverage, n=10 per group, lognormal sigma 0.3: %.4f%n", coverage);
    // Undercoverage is the failure that matters: no more than 3 SD below 95%. Above, 3 SD plus
    // 1.5 points: the percentile interval of a median is a little conservative at small n (its
    // resampled medians take few distinct values), which costs power, not honesty.
    assertThat(coverage).isBetween(0.95 - 3 * sd, 0.95 + 3 * sd + 0.015);
  }

  @Test
  void equalGroupsGiveFalseVerdictsNoMoreOftenThanTheStatedRate() {
    int trials = 1_000;
    SplittableRandom random = new SplittableRandom(8);
    int significant = 0;
    for (int t = 0; t < trials; t++) {
      Outcome o = outcome(draw(random, 10, 1.0, 0.3), draw(random, 10, 1.0, 0.3), t);
      significant += o == Outcome.NO_SIGNIFICANT_DIFFERENCE ? 0 : 1;
    }
    double rate = significant / (double) trials;
    System.out.printf("false verdicts on equal groups, n=10, sigma 0.3: %.4f%n", rate);
    assertThat(rate).isLessThanOrEqualTo(0.05 + 3 * Math.sqrt(0.05 * 0.95 / trials)); // 0.0707
  }

  @Test
  void aRealDifferenceIsFoundAndNeverReversed() {
    int trials = 300;
    SplittableRandom random = new SplittableRandom(9);
    int better = 0;
    int worse = 0;
    for (int t = 0; t < trials; t++) {
      Outcome o = outcome(draw(random, 10, TRUE_RATIO, 0.1), draw(random, 10, 1.0, 0.1), t);
      better += o == Outcome.BETTER ? 1 : 0;
      worse += o == Outcome.WORSE ? 1 : 0;
    }
    System.out.printf("power, ratio 1.2, n=10, sigma 0.1: %.4f%n", better / (double) trials);
    // A method that always says "no difference" passes the test above; this one it fails. 0.8 is
    // the conventional power; this seed gives 0.91.
    assertThat(better / (double) trials).isGreaterThan(0.8);
    assertThat(worse).isZero();
  }

  /** The engine's verdict on xen-hvm (values {@code hvm}) against xen-pv, the reference. */
  private Outcome outcome(double[] hvm, double[] pv, int trial) {
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < hvm.length; i++) {
      observations.add(iops(run("xen-hvm", "hvm-" + i), hvm[i]));
    }
    for (int i = 0; i < pv.length; i++) {
      observations.add(iops(run("xen-pv", "pv-" + i), pv[i]));
    }
    CompareOptions options = CompareOptions.defaults().reference("xen-pv").bootstrap(trial, 2_000);
    CompareReport report = engine.compare(observations, options);
    return report.rows().getFirst().comparisons().getFirst().verdict().outcome();
  }

  /** n values whose median is {@code median}, log-normally spread by {@code sigma}. */
  static double[] draw(SplittableRandom random, int n, double median, double sigma) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = median * Math.exp(sigma * random.nextGaussian());
    }
    Arrays.sort(values);
    return values;
  }
}
