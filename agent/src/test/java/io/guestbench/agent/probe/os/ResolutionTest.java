package io.guestbench.agent.probe.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ResolutionTest {
  @Test
  void aCoarseClockStepsByItsTick() {
    // A 4 ms tick read every 1 ms: the value jumps by 4 ms every fourth read.
    PrimitiveIterator.OfLong ticks =
        LongStream.iterate(0, t -> t + 1_000_000).map(t -> t / 4_000_000 * 4_000_000).iterator();

    assertThat(Resolution.smallestStep(ticks::nextLong, 3, 1_000)).isEqualTo(4_000_000);
  }

  @Test
  void theSmallestOfTheStepsSeenWins() {
    PrimitiveIterator.OfLong reads = LongStream.of(100, 130, 150, 171, 190, 230).iterator();

    assertThat(Resolution.smallestStep(reads::nextLong, 4, 5)).isEqualTo(19);
  }

  @Test
  void aClockThatNeverMovesHasNoStep() {
    assertThat(Resolution.smallestStep(() -> 42, 3, 1_000)).isZero();
  }

  @Test
  void theRealClocksStep() {
    assertThat(Resolution.smallestStep(System::nanoTime)).isBetween(1L, 100_000L);
    assertThat(Resolution.smallestStep(() -> System.currentTimeMillis() * 1_000_000))
        .isEqualTo(1_000_000);
  }
}
