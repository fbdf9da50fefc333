package io.guestbench.collector.compare;

import static io.guestbench.collector.compare.StatisticsTest.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap interval: reproducible from its seed, and around its estimate. */
class BootstrapTest {
  private static final double[] HVM = sorted(118, 121, 125, 119, 130, 122, 127, 124, 120, 126);
  private static final double[] PV = sorted(100, 104, 98, 101, 97, 103, 99, 102, 105, 96);

  @Test
  void sameSeedGivesTheSameInterval() {
    RatioInterval a = Bootstrap.ratioOfMedians(HVM, PV, 2_000, 0.95, new SplittableRandom(42));
    RatioInterval b = Bootstrap.ratioOfMedians(HVM, PV, 2_000, 0.95, new SplittableRandom(42));
    assertThat(a).isEqualTo(b);
    RatioInterval c = Bootstrap.ratioOfMedians(HVM, PV, 2_000, 0.95, new SplittableRandom(43));
    assertThat(c.estimate()).isEqualTo(a.estimate());
    assertThat(c).isNotEqualTo(a); // the seed matters: another stream, other resamples
  }

  @Test
  void intervalSurroundsTheRatioOfMedians() {
    RatioInterval r = Bootstrap.ratioOfMedians(HVM, PV, 2_000, 0.95, new SplittableRandom(1));
    assertThat(r.estimate()).isEqualTo(123 / 100.5); // medians 123 and 100.5
    assertThat(r.lower()).isBetween(1.1, r.estimate());
    assertThat(r.upper()).isBetween(r.estimate(), 1.35);
    assertThat(r.excludesOne()).isTrue();
    assertThat(r.resamples()).isEqualTo(2_000);
  }

  @Test
  void aWiderConfidenceGivesAWiderInterval() {
    RatioInterval r95 = Bootstrap.ratioOfMedians(HVM, PV, 4_000, 0.95, new SplittableRandom(7));
    RatioInterval r80 = Bootstrap.ratioOfMedians(HVM, PV, 4_000, 0.80, new SplittableRandom(7));
    assertThat(r80.lower()).isGreaterThanOrEqualTo(r95.lower());
    assertThat(r80.upper()).isLessThanOrEqualTo(r95.upper());
    assertThat(r80.upper() - r80.lower()).isLessThan(r95.upper() - r95.lower());
  }
}
