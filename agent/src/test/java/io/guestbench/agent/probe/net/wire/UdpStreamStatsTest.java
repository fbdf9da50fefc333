package io.guestbench.agent.probe.net.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UdpStreamStatsTest {
  @Test
  void countsDistinctReorderedAndDuplicateDatagrams() {
    UdpStreamStats stats = new UdpStreamStats(100);
    for (long seq : new long[] {0, 1, 3, 2, 2, 5, 4}) {
      stats.arrived(seq, 0, 0);
    }
    assertThat(stats.figures()).isEqualTo(new UdpFigures(6, 2, 1, 0));
  }

  @Test
  void outOfRangeSequenceNumbersAreIgnored() {
    UdpStreamStats stats = new UdpStreamStats(10);
    assertThat(stats.arrived(10, 0, 0)).isFalse();
    assertThat(stats.arrived(-1, 0, 0)).isFalse();
    assertThat(stats.figures().received()).isZero();
  }

  @Test
  void jitterFollowsRfc3550() {
    // Sent every 1000 ns; transit alternates 100 and 300 ns: |D| is 200 ns after the first.
    UdpStreamStats stats = new UdpStreamStats(100);
    double expected = 0;
    for (int i = 0; i < 50; i++) {
      long sent = i * 1000L + 5_000_000; // the sender's clock has its own origin
      long transit = i % 2 == 0 ? 100 : 300;
      stats.arrived(i, sent, i * 1000L + transit);
      if (i > 0) {
        expected += (200 - expected) / 16;
      }
    }
    assertThat(stats.figures().jitterNanos()).isEqualTo(Math.round(expected));
    assertThat(expected).isBetween(190.0, 200.0);
  }

  @Test
  void aSteadyStreamHasNoJitter() {
    UdpStreamStats stats = new UdpStreamStats(100);
    for (int i = 0; i < 20; i++) {
      stats.arrived(i, i * 1000L, i * 1000L + 40_000);
    }
    assertThat(stats.figures().jitterNanos()).isZero();
  }
}
