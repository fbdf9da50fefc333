package io.guestbench.agent.probe.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CovRuleTest {
  @Test
  void steadyResultsStopAtTheMinimum() {
    CovRule rule = new CovRule(3, 10, 0.035);
    rule.add(100);
    rule.add(101);
    assertThat(rule.done()).as("two of a minimum of three").isFalse();
    rule.add(99);

    assertThat(rule.cov()).isCloseTo(0.01, within(1e-12));
    assertThat(rule.converged()).isTrue();
    assertThat(rule.done()).isTrue();
  }

  @Test
  void noisyResultsRunToTheCapWithoutConverging() {
    CovRule rule = new CovRule(3, 5, 0.035);
    double[] noisy = {100, 150, 80, 130, 90};
    for (double v : noisy) {
      assertThat(rule.done()).isFalse();
      rule.add(v);
    }

    assertThat(rule.done()).isTrue();
    assertThat(rule.converged()).isFalse();
    assertThat(rule.cov()).isGreaterThan(0.2);
  }

  @Test
  void aSpreadThatSettlesStopsOnceTheWholeSeriesIsSteady() {
    CovRule rule = new CovRule(3, 20, 0.035);
    double[] settling = {110, 100, 101, 100, 99, 100, 100, 101, 100, 99, 100};
    int added = 0;
    while (!rule.done()) {
      rule.add(settling[added++]);
    }

    // One outlier keeps the whole series' CoV up until enough steady values dilute it.
    assertThat(added).isEqualTo(8);
    assertThat(rule.converged()).isTrue();
  }

  @Test
  void theMedianIgnoresOneColdRepetition() {
    CovRule rule = new CovRule(3, 5, 1);
    assertThat(rule.median()).isNaN();
    rule.add(9.3);
    rule.add(19.2);
    rule.add(19.4);
    assertThat(rule.median()).isEqualTo(19.2);
    rule.add(19.0);
    assertThat(rule.median()).isCloseTo(19.1, within(1e-12));
  }

  @Test
  void aMeanAtOrBelowZeroNeverConverges() {
    CovRule rule = new CovRule(2, 3, 0.5);
    rule.add(-1);
    rule.add(1);

    assertThat(rule.cov()).isInfinite();
    assertThat(rule.converged()).isFalse();
    assertThat(new CovRule(2, 3, 0.5).cov()).isNaN();
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> new CovRule(1, 3, 0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CovRule(3, 2, 0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CovRule(2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
