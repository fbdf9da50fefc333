package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.testing.ManualClock;
import io.guestbench.testing.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RedialTest {
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(0));

  @Test
  void theDelayIsHalfTheCeilingFixedAndHalfRandom() {
    assertThat(new Redial(scheduler, () -> 0L).delayNanos()).isEqualTo(25_000_000);
    assertThat(new Redial(scheduler, () -> -1L).delayNanos()).isBetween(24_999_999L, 49_999_999L);
    assertThat(new Redial(scheduler, () -> -1L).delayNanos()).isGreaterThan(49_999_000);
  }

  @Test
  void reconnectsOnlyOnceTheDelayHasPassed() {
    AtomicInteger connects = new AtomicInteger();
    new Redial(scheduler, () -> 0L).after(connects::incrementAndGet);

    scheduler.advance(Duration.ofMillis(24));
    assertThat(connects).hasValue(0);
    scheduler.advance(Duration.ofMillis(1));
    assertThat(connects).hasValue(1);
  }
}
