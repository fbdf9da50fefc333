package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.testing.ManualClock;
import io.guestbench.testing.ManualScheduler;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacerTest {
  @Test
  void releasesEvenlySpacedBatchesRoundRobinAndNoneTwice() {
    Tally tally = new Tally();
    BatchSource batches =
        new BatchSource(List.of(ResultPool.compute(new Random(1), "fp", 1_000_000_000L)), 10);
    List<LoadAgent> agents =
        List.of(agent(tally, batches, "a"), agent(tally, batches, "b"), agent(tally, batches, "c"));
    // 1,000 results/s in batches of 10: a batch every 10 ms.
    Pacer pacer = new Pacer(agents, 5_000_000_000L, 1_000, 10);

    assertThat(pacer.dueNanos(0)).isEqualTo(5_000_000_000L);
    assertThat(pacer.dueNanos(7)).isEqualTo(5_070_000_000L);
    assertThat(pacer.release(4_999_999_999L)).isZero();
    assertThat(pacer.release(5_025_000_000L)).isEqualTo(3);
    assertThat(pacer.release(5_025_000_000L)).isZero();
    assertThat(pacer.release(5_030_000_000L)).isEqualTo(1);
    // Nobody is welcomed (no stream), so every due batch waits for its agent's window.
    assertThat(tally.snapshot().deferred()).isEqualTo(4);
  }

  @Test
  void aRampRisesLinearlyToTheFullRateAndKeepsItsSpacingAfterwards() {
    // 1,000 results/s in batches of 10 (100 batches/s) after a 2 s ramp: 100 batches in the ramp.
    Pacer pacer = new Pacer(List.of(), 0, 1_000, 10, 2_000_000_000L);
    assertThat(pacer.dueNanos(0)).isZero();
    assertThat(pacer.dueNanos(25)).isEqualTo(1_000_000_000L); // a quarter of them in the first half
    assertThat(pacer.dueNanos(100)).isEqualTo(2_000_000_000L);
    assertThat(pacer.dueNanos(101) - pacer.dueNanos(100)).isEqualTo(10_000_000L);
    long previous = -1;
    for (long k = 0; k < 300; k++) {
      assertThat(pacer.dueNanos(k)).isGreaterThanOrEqualTo(previous);
      previous = pacer.dueNanos(k);
    }
  }

  private static LoadAgent agent(Tally tally, BatchSource batches, String id) {
    var redial = new Redial(new ManualScheduler(new ManualClock(0)), new Random(1));
    return new LoadAgent(id, 1, batches, 4, true, tally, () -> 0, redial);
  }
}
