package io.guestbench.agent.probe.net.client;

import static io.guestbench.agent.probe.net.Loopback.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.guestbench.agent.probe.net.Loopback;
import io.guestbench.agent.probe.net.wire.Direction;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every kind of test, client against peer on 127.0.0.1, with short durations. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopbackTestsTest {
  private final List<String> progress = new ArrayList<>();
  private Loopback peer;

  @AfterEach
  void stopPeer() {
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void streamsInBothDirectionsAtOnceAreMeasuredWhereTheyArrive() throws Exception {
    peer = Loopback.start();
    StreamFigures f =
        StreamTest.run(
            peer.target(),
            request(TestKind.STREAM, Direction.BOTH, 2, 65536, 500, 0),
            progress::add,
            () -> -1);
    assertThat(f.sentBytesPerSecond()).isPositive();
    assertThat(f.receivedBytesPerSecond()).isPositive();
    // 100 ms intervals: five in a 500 ms window, more when a loaded machine stretches the window
    // (the peer's ends when our stop reaches it, after ours).
    int most = (int) (f.windowNanos() / (100 * Loopback.MS)) + 2;
    // A sender descheduled for a whole 100 ms interval on a busy machine leaves one empty.
    assertThat(f.sentIntervals())
        .hasSizeBetween(3, most)
        .filteredOn(b -> b > 0)
        .hasSizeGreaterThan(2);
    assertThat(f.receivedIntervals())
        .hasSizeBetween(3, most)
        .filteredOn(b -> b > 0)
        .hasSizeGreaterThan(2);
    assertThat(f.retransmits()).isGreaterThanOrEqualTo(0); // TCP_INFO through epoll
    assertThat(f.windowNanos()).isBetween(450 * Loopback.MS, 2000 * Loopback.MS);
    assertThat(progress).containsExactly("measuring for 500 ms");
    assertThat(peer.server.stats().testsAccepted()).isEqualTo(1);
  }

  @Test
  void streamsWorkOnNioWithTheHostsCountersForRetransmissions() throws Exception {
    peer = Loopback.start(Loopback.settings(Optional.empty(), 1), Transport.NIO);
    NetTarget nio = new NetTarget(peer.address(), Optional.empty(), Transport.NIO);
    StreamFigures f =
        StreamTest.run(
            nio, request(TestKind.STREAM, Direction.RECEIVE, 1, 8192, 300, 0), s -> {}, () -> 7);
    assertThat(f.sentBytesPerSecond()).isEqualTo(-1);
    assertThat(f.receivedBytesPerSecond()).isPositive();
    assertThat(f.retransmits()).isZero(); // the host's counter did not move
  }

  @Test
  void aTestStartedTheMomentTheLastOneEndedNeverFindsAOneTestPeerBusy() throws Exception {
    peer = Loopback.start(); // room for one test at a time
    for (int i = 0; i < 20; i++) {
      RrTest.run(peer.target(), request(TestKind.RR, Direction.SEND, 1, 32, 1, 0), s -> {});
    }
    assertThat(peer.server.stats().busyAnswers()).isZero();
    assertThat(peer.server.stats().testsAccepted()).isEqualTo(20);
  }

  @Test
  void closedLoopRequestResponse() throws Exception {
    peer = Loopback.start();
    RrFigures f = RrTest.run(peer.target(), request(TestKind.RR, 300), s -> {});
    assertThat(f.rtt().count()).isPositive();
    assertThat(f.transactionsPerSecond()).isPositive();
    assertThat(f.lost()).isZero();
    assertThat(f.retransmits()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void closedLoopRequestResponseOnNioAnswersOnTheEventLoops() throws Exception {
    peer = Loopback.start(Loopback.settings(Optional.empty(), 1), Transport.NIO);
    NetTarget nio = new NetTarget(peer.address(), Optional.empty(), Transport.NIO);
    RrFigures f = RrTest.run(nio, request(TestKind.RR, Direction.SEND, 1, 100, 300, 0), s -> {});
    assertThat(f.rtt().count()).isPositive();
    assertThat(f.retransmits()).isEqualTo(-1); // no TCP_INFO without the native transport
  }

  @Test
  void largeRequestsAndResponsesCrossInPieces() throws Exception {
    peer = Loopback.start();
    RrFigures f =
        RrTest.run(
            peer.target(), request(TestKind.RR, Direction.SEND, 1, 512 << 10, 300, 0), s -> {});
    assertThat(f.rtt().count()).isPositive();
  }

  @Test
  void openLoopSendsOnScheduleWhateverTheResponsesDo() throws Exception {
    peer = Loopback.start();
    RrFigures f =
        RrTest.run(peer.target(), request(TestKind.RR, Direction.SEND, 1, 64, 500, 2000), s -> {});
    // 2000 requests/s for 0.5 s, give or take the ones in flight at the edges.
    assertThat((double) f.rtt().count()).isCloseTo(1000, within(50.0));
  }

  @Test
  void connectRequestResponseClose() throws Exception {
    peer = Loopback.start();
    RrFigures f = RrTest.run(peer.target(), request(TestKind.CRR, 300), s -> {});
    assertThat(f.rtt().count()).isPositive();
  }

  @Test
  void udpRequestResponse() throws Exception {
    peer = Loopback.start();
    RrFigures f = RrTest.run(peer.target(), request(TestKind.UDP_RR, 300), s -> {});
    assertThat(f.rtt().count()).isPositive();
    assertThat(f.lossRatio()).isLessThan(0.01);
  }

  @Test
  void udpRequestResponseOnNioSharesThePeersUdpSocket() throws Exception {
    peer = Loopback.start(Loopback.settings(Optional.empty(), 1), Transport.NIO);
    NetTarget nio = new NetTarget(peer.address(), Optional.empty(), Transport.NIO);
    RrFigures f = RrTest.run(nio, request(TestKind.UDP_RR, 300), s -> {});
    assertThat(f.rtt().count()).isPositive();
    assertThat(f.lossRatio()).isLessThan(0.01);
  }

  @Test
  void udpStreamAtATargetRate() throws Exception {
    peer = Loopback.start();
    // 8 Mbit/s of 1000-byte datagrams: 1000 per second, 500 in the measured half second.
    UdpStreamFigures f =
        UdpStreamTest.run(
            peer.target(),
            request(TestKind.UDP_STREAM, Direction.SEND, 1, 1000, 500, 8_000_000),
            s -> {});
    assertThat((double) f.datagramsSent()).isCloseTo(500, within(25.0));
    assertThat(f.sentBytesPerSecond() * 8).isCloseTo(8e6, within(0.4e6));
    assertThat(f.lossRatio()).isLessThan(0.01);
    assertThat(f.peer().duplicates()).isZero();
    assertThat(f.peer().jitterNanos()).isPositive();
  }
}
