package io.guestbench.agent.probe.method;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.testing.ManualClock;
import org.junit.jupiter.api.Test;

class BatchingTest {
  private static final TimerFigures VDSO = new TimerFigures(20, 1);
  private static final TimerFigures SYSCALL_FALLBACK = new TimerFigures(600, 1);

  @Test
  void aCheapClockTimesLongOperationsOneByOne() {
    assertThat(Batching.unitsPerBatch(VDSO, 1_000_000, 1, Long.MAX_VALUE)).isEqualTo(1);
    assertThat(Batching.unitsPerBatch(VDSO, 2_000, 1, Long.MAX_VALUE)).isEqualTo(1);
  }

  @Test
  void theClockTakesAtMostOnePercentOfABatch() {
    // 20 ns of clock in a batch of 100 ns syscalls: 20 of them make 2 us.
    assertThat(Batching.unitsPerBatch(VDSO, 100, 1, Long.MAX_VALUE)).isEqualTo(20);
    // The same syscall where reading the clock is itself a syscall needs 30 times more.
    assertThat(Batching.unitsPerBatch(SYSCALL_FALLBACK, 100, 1, Long.MAX_VALUE)).isEqualTo(600);
  }

  @Test
  void aCoarseClockCountsByItsStepNotItsCost() {
    TimerFigures coarse = new TimerFigures(5, 1_000);

    assertThat(Batching.unitsPerBatch(coarse, 1_000, 1, Long.MAX_VALUE)).isEqualTo(100);
  }

  @Test
  void theOperationsBoundsWin() {
    assertThat(Batching.unitsPerBatch(SYSCALL_FALLBACK, 100, 1, 64)).isEqualTo(64);
    assertThat(Batching.unitsPerBatch(VDSO, 1_000_000, 256, Long.MAX_VALUE)).isEqualTo(256);
  }

  @Test
  void anOperationThatSeemsFreeGetsTheLargestBatch() {
    assertThat(Batching.unitsPerBatch(VDSO, 0, 1, Long.MAX_VALUE)).isEqualTo(Batching.MAX_UNITS);
    assertThat(Batching.unitsPerBatch(VDSO, 0, 1, 1000)).isEqualTo(1000);
  }

  @Test
  void aClockThatDoesNotMoveCostsNothing() {
    TimerFigures still = TimerFigures.measure(new ManualClock(0));

    assertThat(still).isEqualTo(new TimerFigures(0, 0));
    assertThat(Batching.unitsPerBatch(still, 50, 1, Long.MAX_VALUE)).isEqualTo(1);
  }
}
