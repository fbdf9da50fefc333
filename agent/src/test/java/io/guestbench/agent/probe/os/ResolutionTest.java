package io.guestbench.agent.probe.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PrimitiveIterator;
import java.util.function.LongSupplier;
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
  void aCoarseClockIsReadForAFewTicksOnly() {
    // A 1 ms tick read every 1 µs: five ticks take 5,000 reads, far under the 5M allowed.
    long[] reads = {0};
    LongSupplier clock = () -> reads[0]++ * 1_000 / 1_000_000 * 1_000_000;

    assertThat(Resolution.smallestStep(clock, 100_000, 5_000_000)).isEqualTo(1_000_000);
    assertThat(reads[0]).isBetween(5_000L, 6_001L);
  }

  @Test
  void aFineClockIsReadForAllItsSteps() {
    // A clock that steps by 50 µs (a read through a very slow syscall) is not taken for a tick.
    long[] reads = {0};
    LongSupplier clock = () -> reads[0]++ * 50_000;

    assertThat(Resolution.smallestStep(clock, 1_000, 5_000_000)).isEqualTo(50_000);
    assertThat(reads[0]).isEqualTo(1_001);
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
