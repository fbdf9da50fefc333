package io.guestbench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.CollectorMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckOrderTest {
  private final AckOrder order = new AckOrder();

  private static String show(List<CollectorMessage> messages) {
    return String.join(
        " ",
        messages.stream()
            .map(
                m ->
                    m.hasAck()
                        ? "ack" + m.getAck().getSeq()
                        : (m.getNack().getRetryable() ? "retry" : "nack") + m.getNack().getSeq())
            .toList());
  }

  @Test
  void aLaterBatchDurableFirstWaitsForTheEarlierAndBothShareOneAck() {
    AckOrder.Entry one = order.add(1);
    AckOrder.Entry two = order.add(2);
    AckOrder.Entry three = order.add(3);
    assertThat(show(order.stored(three, StoreOutcome.STORED))).isEmpty();
    assertThat(show(order.stored(one, StoreOutcome.STORED))).isEqualTo("ack1");
    assertThat(show(order.stored(two, StoreOutcome.DUPLICATE))).isEqualTo("ack3");
    assertThat(order.waiting()).isZero();
  }

  @Test
  void aRefusalIsAnsweredInItsTurn() {
    AckOrder.Entry one = order.add(1);
    assertThat(show(order.refused(2, "empty_batch", "no results"))).isEmpty();
    AckOrder.Entry three = order.add(3);
    assertThat(show(order.stored(three, StoreOutcome.STORED))).isEmpty();
    assertThat(show(order.stored(one, StoreOutcome.STORED))).isEqualTo("ack1 nack2 ack3");
  }

  @Test
  void afterARetryableRefusalNothingLaterIsAcknowledged() {
    AckOrder.Entry one = order.add(1);
    AckOrder.Entry two = order.add(2);
    AckOrder.Entry three = order.add(3);
    assertThat(show(order.stored(two, StoreOutcome.FAILED))).isEmpty();
    assertThat(show(order.stored(three, StoreOutcome.STORED))).isEmpty();
    assertThat(show(order.stored(one, StoreOutcome.STORED))).isEqualTo("ack1 retry2");
    assertThat(order.waiting()).isZero();
  }

  @Test
  void busyIsRetryableWithItsOwnReason() {
    AckOrder.Entry one = order.add(1);
    List<CollectorMessage> out = order.stored(one, StoreOutcome.BUSY);
    assertThat(out.getFirst().getNack().getReason()).isEqualTo("journal_busy");
    assertThat(out.getFirst().getNack().getRetryable()).isTrue();
  }
}
