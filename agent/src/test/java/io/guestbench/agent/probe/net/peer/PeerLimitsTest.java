package io.guestbench.agent.probe.net.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.net.Loopback;
import io.guestbench.agent.probe.net.wire.Direction;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerLimitsTest {
  private final PeerSettings settings =
      new PeerSettings("0.0.0.0", 7071, Optional.empty(), 1, Duration.ofMinutes(5), 1 << 20);

  @Test
  void aTestWithinEveryLimitIsTaken() {
    assertThat(PeerLimits.problem(Loopback.request(TestKind.STREAM, 1000), settings)).isEmpty();
  }

  @Test
  void eachLimitHasItsOwnReason() {
    assertThat(problem(TestKind.RR, Direction.SEND, 1, 64, 300_000, 0))
        .hasValue("a test of 300100ms (warm-up included) exceeds this peer's limit of 5m");
    assertThat(problem(TestKind.RR, Direction.SEND, 1, 2 << 20, 1000, 0))
        .hasValue("messages of 2097152 bytes exceed this peer's limit of 1048576");
    assertThat(problem(TestKind.STREAM, Direction.SEND, 65, 1024, 1000, 0))
        .hasValue("65 connections exceed the limit of 64");
    assertThat(problem(TestKind.UDP_RR, Direction.SEND, 1, 65_508, 1000, 0))
        .hasValue("datagrams of more than 65507 bytes do not exist");
    // 100 Gbit/s of 64-byte datagrams for 60 s: about 11.7 billion.
    assertThat(problem(TestKind.UDP_STREAM, Direction.SEND, 1, 64, 60_000, 100_000_000_000L))
        .hasValue("rate and duration would send more than 50000000 measured datagrams");
  }

  @Test
  void theUdpReceiverHasRoomForAFastSender() {
    TestRequest r = Loopback.request(TestKind.UDP_STREAM, Direction.SEND, 1, 1000, 1000, 8_000_000);
    assertThat(PeerLimits.expectedDatagrams(r)).isEqualTo(1000);
    assertThat(PeerLimits.udpCapacity(r)).isEqualTo(1000 + 250 + 1024);
  }

  private Optional<String> problem(
      TestKind kind, Direction d, int conns, int bytes, long millis, long rate) {
    return PeerLimits.problem(Loopback.request(kind, d, conns, bytes, millis, rate), settings);
  }
}
