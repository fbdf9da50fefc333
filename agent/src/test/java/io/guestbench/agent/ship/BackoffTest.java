package io.guestbench.agent.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesWithinHalfToFullCeilingUpToTheMaximumAndResets() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), new SplittableRandom(3));
    long[] ceilings = {100, 200, 400, 800, 1000, 1000};
    for (long ceiling : ceilings) {
      assertThat(backoff.next().toMillis()).isBetween(ceiling / 2, ceiling);
    }
    backoff.reset();
    assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
  }

  @Test
  void manyAttemptsNeverOverflow() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), new SplittableRandom(1));
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.next()).isBetween(Duration.ofMillis(100), Duration.ofSeconds(30));
    }
  }
}
