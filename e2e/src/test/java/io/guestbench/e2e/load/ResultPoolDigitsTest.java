package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.Distributions;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultPoolDigitsTest {
  @Test
  void coarserHistogramsKeepTheExactFiguresAndHoldFewerCounters() {
    List<ProbeResult> fine = ResultPool.of(9, 1_750_000_000_000_000_000L, 3);
    List<ProbeResult> coarse = ResultPool.withDigits(fine, 2);

    assertThat(coarse).hasSameSizeAs(fine);
    for (int i = 0; i < fine.size(); i++) {
      Distribution f = fine.get(i).getDistributions(0);
      Distribution c = coarse.get(i).getDistributions(0);
      Histogram h = Distributions.decode(c);
      assertThat(h.getNumberOfSignificantValueDigits()).isEqualTo(2);
      assertThat(h.getTotalCount()).isEqualTo(f.getCount());
      assertThat(List.of(c.getCount(), c.getSum(), c.getMin(), c.getMax()))
          .containsExactly(f.getCount(), f.getSum(), f.getMin(), f.getMax());
      assertThat(h.valuesAreEquivalent(h.getMinValue(), c.getMin())).isTrue();
      assertThat(h.valuesAreEquivalent(h.getMaxValue(), c.getMax())).isTrue();
      assertThat(c.getHdrHistogram().size()).isLessThan(f.getHdrHistogram().size());
    }
  }
}
