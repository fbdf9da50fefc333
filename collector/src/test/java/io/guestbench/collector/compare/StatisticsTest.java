package io.guestbench.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each statistic against values computed independently (NumPy 2 and SciPy 1.17, by hand). */
class StatisticsTest {
  @Test
  void quartilesAreType7AndCvUsesTheSampleStandardDeviation() {
    // numpy.quantile(range(1, 11), [.25, .5, .75]) = 3.25, 5.5, 7.75; std(ddof=1)/mean = 0.55048
    Summary s = Summary.of(IntStream.rangeClosed(1, 10).asDoubleStream().toArray());
    assertThat(s.runs()).isEqualTo(10);
    assertThat(s.q1()).isEqualTo(3.25);
    assertThat(s.median()).isEqualTo(5.5);
    assertThat(s.q3()).isEqualTo(7.75);
    assertThat(s.iqr()).isEqualTo(4.5);
    assertThat(s.cv()).isCloseTo(0.5504818825631803, offset(1e-12));

    double[] odd = {3.1, 0.4, 2.2, 9.0, 5.5, 1.7, 4.4};
    Arrays.sort(odd);
    Summary t = Summary.of(odd); // numpy: 1.95, 3.1, 4.95; cv 0.7629174368280933
    assertThat(new double[] {t.q1(), t.median(), t.q3()})
        .containsExactly(new double[] {1.95, 3.1, 4.95}, within(1e-12));
    assertThat(t.cv()).isCloseTo(0.7629174368280933, offset(1e-12));
  }

  @Test
  void oneRunHasAMedianButNoSpread() {
    Summary s = Summary.of(new double[] {7});
    assertThat(s.median()).isEqualTo(7);
    assertThat(s.iqr()).isZero();
    assertThat(s.cv()).isNaN();
  }

  @Test
  void normalTailMatchesScipyOnBothSidesOfTheSwitch() {
    double[][] sf = { // scipy.stats.norm.sf(z)
      {0, 0.5},
      {0.5, 0.3085375387259869},
      {1.0, 0.15865525393145707},
      {1.959963984540054, 0.025},
      {2.5, 0.006209665325776132},
      {2.99, 0.0013948872354922468},
      {3.0, 0.0013498980316300933},
      {3.01, 0.0013062384487694675},
      {4, 3.167124183311986e-05},
      {5, 2.866515718791933e-07},
      {8, 6.22096057427174e-16},
      {12, 1.776482112077653e-33}
    };
    for (double[] zp : sf) {
      assertThat(Normal.upperTail(zp[0])).as("z=%s", zp[0]).isCloseTo(zp[1], offset(zp[1] * 1e-10));
      assertThat(Normal.upperTail(-zp[0])).isCloseTo(1 - zp[1], offset(1e-12));
    }
  }

  @Test
  void mannWhitneyExactOnHollanderAndWolfesPermeabilityData() {
    // R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69): W = 35; two-sided exact p is
    // twice the one-sided 0.1272, 0.2544122544 by scipy.stats.mannwhitneyu(method="exact").
    double[] x = sorted(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46);
    double[] y = sorted(1.15, 0.88, 0.90, 0.74, 1.21);
    RankTest t = MannWhitney.test(x, y);
    assertThat(t.exact()).isTrue();
    assertThat(t.u()).isEqualTo(35);
    assertThat(t.p()).isCloseTo(0.2544122544122544, offset(1e-12));
  }

  @Test
  void mannWhitneyExactFor12Against13() {
    double[] x = sorted(1.1, 2.3, 3.2, 4.8, 5.0, 6.7, 7.1, 8.9, 9.4, 10.2, 11.5, 12.6);
    double[] y = sorted(3.9, 5.6, 7.7, 8.1, 9.9, 10.8, 11.9, 12.1, 13.3, 14.4, 15.0, 16.2, 17.8);
    RankTest t = MannWhitney.test(x, y);
    assertThat(t.u()).isEqualTo(33);
    assertThat(t.p()).isCloseTo(0.013518835451800855, offset(1e-12)); // scipy, method="exact"
  }

  @Test
  void mannWhitneyNormalWithTiesAndContinuityCorrection() {
    double[] x = sorted(1, 2, 2, 3, 3, 3, 4, 5, 8, 9);
    double[] y = sorted(2, 3, 4, 4, 5, 6, 6, 7, 7, 10, 11);
    RankTest t = MannWhitney.test(x, y);
    assertThat(t.exact()).isFalse();
    assertThat(t.u()).isEqualTo(31);
    // scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=True)
    assertThat(t.p()).isCloseTo(0.09566965528487799, offset(1e-10));
  }

  @Test
  void mannWhitneyNormalAtFiftyRunsWithoutTies() {
    double[] x = IntStream.range(0, 60).asDoubleStream().toArray();
    double[] y = IntStream.range(10, 65).mapToDouble(i -> i + 0.5).toArray();
    RankTest t = MannWhitney.test(x, y);
    assertThat(t.exact()).isFalse();
    assertThat(t.u()).isEqualTo(1225);
    assertThat(t.p()).isCloseTo(0.017466219103968242, offset(1e-10));
  }

  @Test
  void allValuesEqualGiveNoEvidence() {
    RankTest t = MannWhitney.test(new double[] {2, 2, 2}, new double[] {2, 2});
    assertThat(t.p()).isEqualTo(1);
  }

  @Test
  void exactCountsAreTheGaussianBinomialCoefficients() {
    // m = 2, n = 2: U in 0..4 with counts 1 1 2 1 1 (6 = C(4, 2) orderings).
    assertThat(MannWhitney.counts(2, 2)).containsExactly(1, 1, 2, 1, 1);
    double[] big = MannWhitney.counts(49, 49);
    assertThat(Arrays.stream(big).sum())
        .isCloseTo(2.5477612258980856e28, offset(1e15)); // C(98, 49)
    for (int u = 0; u < big.length; u++) {
      assertThat(big[u]).isCloseTo(big[big.length - 1 - u], offset(big[u] * 1e-12)); // symmetric
    }
    // The smallest two-sided p at 4 against 4 is 2/70, at 3 against 3 it is 2/20: why 5 runs.
    assertThat(MannWhitney.test(sorted(1, 2, 3, 4), sorted(5, 6, 7, 8)).p()).isEqualTo(2 / 70.0);
    assertThat(MannWhitney.test(sorted(1, 2, 3), sorted(5, 6, 7)).p()).isEqualTo(0.1);
  }

  static double[] sorted(double... values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
