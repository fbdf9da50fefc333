package io.guestbench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResultRateTest {
  private final ManualClock clock = new ManualClock(0);

  @Test
  void aBurstThenTheSustainedRate() {
    ResultRate rate = new ResultRate(clock, 10, 20);
    assertThat(rate.tryTake(20)).isTrue();
    assertThat(rate.tryTake(1)).isFalse();
    clock.advance(Duration.ofMillis(500));
    assertThat(rate.tryTake(6)).isFalse();
    assertThat(rate.tryTake(5)).isTrue();
  }

  @Test
  void anIdleStreamSavesNoMoreThanTheBurst() {
    ResultRate rate = new ResultRate(clock, 10, 20);
    clock.advance(Duration.ofHours(1));
    assertThat(rate.tryTake(21)).isFalse();
    assertThat(rate.tryTake(20)).isTrue();
  }
}
