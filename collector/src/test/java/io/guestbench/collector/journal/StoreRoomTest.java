package io.guestbench.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StoreRoomTest {
  private final AtomicLong pending = new AtomicLong();
  private final StoreRoom room = new StoreRoom(pending, 100); // room below 25 bytes
  private final List<String> calls = new ArrayList<>();

  @Test
  void roomBelowAQuarterOfTheBound() {
    pending.set(24);
    assertThat(room.hasRoom(() -> calls.add("never"))).isTrue();
    pending.set(25);
    assertThat(room.hasRoom(() -> calls.add("a"))).isFalse();
    room.released();
    assertThat(calls).as("still no room").isEmpty();
    pending.set(10);
    room.released();
    room.released();
    assertThat(calls).as("called back once").containsExactly("a");
  }

  @Test
  void aStreamThatFindsNoRoomWhenCalledBackWaitsAgainAndTheRoundEnds() {
    pending.set(100);
    Runnable stream =
        new Runnable() {
          @Override
          public void run() {
            calls.add("b");
            pending.set(100); // others filled the room meanwhile
            assertThat(room.hasRoom(this)).isFalse();
          }
        };
    room.hasRoom(stream);
    pending.set(0);
    room.released();
    assertThat(calls).containsExactly("b");
    pending.set(0);
    room.released();
    assertThat(calls).containsExactly("b", "b");
  }
}
