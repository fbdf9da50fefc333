package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckWindowTest {
  private final AckWindow window = new AckWindow();
  private final List<Long> latencies = new ArrayList<>();

  private BatchSource.Next sent(long seq, long at, int results, int samples) {
    var batch =
        new BatchSource.Next(
            new WireMessage(new byte[] {(byte) seq}, new byte[0]), results, samples);
    window.sent(seq, at, batch);
    return batch;
  }

  @Test
  void aCumulativeAckSettlesEveryBatchItCoversEachWithItsOwnLatency() {
    sent(1, 100, 10, 30);
    sent(2, 150, 10, 25);
    sent(3, 180, 5, 12);

    AckWindow.Settled settled = window.ack(2, 400, latencies::add);

    assertThat(settled).isEqualTo(new AckWindow.Settled(2, 20, 55));
    assertThat(latencies).containsExactly(300L, 250L);
    assertThat(window.size()).isEqualTo(1);
  }

  @Test
  void anAckBelowEverythingInFlightOrRepeatedSettlesNothing() {
    sent(5, 100, 10, 30);
    assertThat(window.ack(4, 200, latencies::add)).isEqualTo(AckWindow.Settled.NONE);
    assertThat(window.ack(5, 300, latencies::add).batches()).isEqualTo(1);
    assertThat(window.ack(5, 400, latencies::add)).isEqualTo(AckWindow.Settled.NONE);
    assertThat(latencies).containsExactly(200L);
  }

  @Test
  void aNackedBatchLeavesTheWindowAndALaterAckDoesNotCountIt() {
    sent(1, 0, 10, 30);
    sent(2, 0, 10, 30);
    sent(3, 0, 10, 30);

    assertThat(window.nack(2)).map(AckWindow.InFlight::seq).contains(2L);
    assertThat(window.nack(2)).isEmpty();
    AckWindow.Settled settled = window.ack(3, 50, latencies::add);

    assertThat(settled.batches()).isEqualTo(2);
    assertThat(settled.results()).isEqualTo(20);
    assertThat(window.size()).isZero();
  }

  @Test
  void whatANewStreamResendsIsEveryUnsettledBatchLowestFirstWithItsBytesAndFirstSendTime() {
    assertThat(window.firstUnacked()).isZero();
    BatchSource.Next two = sent(2, 20, 10, 30);
    sent(3, 30, 10, 30);
    sent(4, 40, 10, 30);
    window.nack(3);

    assertThat(window.firstUnacked()).isEqualTo(2);
    assertThat(window.unsettled())
        .extracting(AckWindow.InFlight::seq, AckWindow.InFlight::sentNanos)
        .containsExactly(tuple(2L, 20L), tuple(4L, 40L));
    assertThat(window.unsettled().getFirst().batch()).isSameAs(two);

    window.ack(4, 100, latencies::add);
    assertThat(window.firstUnacked()).isZero();
    assertThat(window.unsettled()).isEmpty();
    assertThat(latencies).containsExactly(80L, 60L);
  }

  @Test
  void seqsMustIncrease() {
    sent(2, 0, 1, 1);
    assertThatThrownBy(() -> sent(2, 0, 1, 1)).hasMessageContaining("seq 2 after 2");
  }
}
