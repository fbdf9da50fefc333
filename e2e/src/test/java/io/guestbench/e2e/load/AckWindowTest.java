package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckWindowTest {
  private final AckWindow window = new AckWindow();
  private final List<Long> latencies = new ArrayList<>();

  @Test
  void aCumulativeAckSettlesEveryBatchItCoversEachWithItsOwnLatency() {
    window.sent(1, 100, 10, 30);
    window.sent(2, 150, 10, 25);
    window.sent(3, 180, 5, 12);

    AckWindow.Settled settled = window.ack(2, 400, latencies::add);

    assertThat(settled).isEqualTo(new AckWindow.Settled(2, 20, 55));
    assertThat(latencies).containsExactly(300L, 250L);
    assertThat(window.size()).isEqualTo(1);
  }

  @Test
  void anAckBelowEverythingInFlightOrRepeatedSettlesNothing() {
    window.sent(5, 100, 10, 30);
    assertThat(window.ack(4, 200, latencies::add)).isEqualTo(AckWindow.Settled.NONE);
    assertThat(window.ack(5, 300, latencies::add).batches()).isEqualTo(1);
    assertThat(window.ack(5, 400, latencies::add)).isEqualTo(AckWindow.Settled.NONE);
    assertThat(latencies).containsExactly(200L);
  }

  @Test
  void aNackedBatchLeavesTheWindowAndALaterAckDoesNotCountIt() {
    window.sent(1, 0, 10, 30);
    window.sent(2, 0, 10, 30);
    window.sent(3, 0, 10, 30);

    assertThat(window.nack(2)).map(AckWindow.InFlight::seq).contains(2L);
    assertThat(window.nack(2)).isEmpty();
    AckWindow.Settled settled = window.ack(3, 50, latencies::add);

    assertThat(settled.batches()).isEqualTo(2);
    assertThat(settled.results()).isEqualTo(20);
    assertThat(window.size()).isZero();
  }

  @Test
  void seqsMustIncrease() {
    window.sent(2, 0, 1, 1);
    assertThatThrownBy(() -> window.sent(2, 0, 1, 1)).hasMessageContaining("seq 2 after 2");
  }
}
