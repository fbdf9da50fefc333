package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.IntervalSampler;
import io.guestbench.agent.probe.net.wire.TcpRetransmits;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.guestbench.agent.probe.net.wire.UdpFigures;
import io.guestbench.agent.probe.net.wire.UdpStreamStats;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The peer's side of one accepted test: its connections, what it received, and the bounds that end
 * it even if the client vanishes. Ends exactly once, closing everything it owns.
 */
final class PeerTest {
  /** How long past the requested duration the peer waits for the client to finish. */
  static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

  /** Short-lived connections of a connect/request/response test open at once, at most. */
  static final int MAX_OPEN_CRR = 16;

  final long id;
  final TestRequest request;
  final InetAddress owner;
  private final Channel control;
  private final Runnable releaseSlot;
  private final Runnable onEnd;
  private final AtomicBoolean slotReleased = new AtomicBoolean();
  private final List<Channel> data = new CopyOnWriteArrayList<>();
  private final LongAdder received = new LongAdder();
  private final IntervalSampler intervals = new IntervalSampler(received::sum);
  private final UdpStreamStats udp;
  private final AtomicBoolean ended = new AtomicBoolean();
  private ScheduledFuture<?> watchdog;
  private volatile boolean started;
  private long measureNanos;
  private long receivedAtMeasure;
  private long retransmitsAtMeasure = -1;

  PeerTest(
      long id,
      TestRequest request,
      Channel control,
      long udpCapacity,
      Runnable releaseSlot,
      Runnable onEnd) {
    this.id = id;
    this.request = request;
    this.owner = ((InetSocketAddress) control.remoteAddress()).getAddress();
    this.control = control;
    this.releaseSlot = releaseSlot;
    this.onEnd = onEnd;
    this.udp = request.kind() == TestKind.UDP_STREAM ? new UdpStreamStats(udpCapacity) : null;
  }

  /**
   * Sets the bounds that end the test: the client's control connection closing, or the requested
   * time plus a grace passing. Called once the test is registered, so an end finds it there.
   */
  synchronized void arm() {
    watchdog =
        control
            .eventLoop()
            .schedule(this::end, request.totalNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
    control.closeFuture().addListener(f -> end());
  }

  /** Attaches a data connection; false when this test takes no more of them. */
  synchronized boolean join(Channel channel, int index) {
    boolean fits =
        switch (request.kind()) {
          case STREAM ->
              !started && index < request.connections() && data.size() < request.connections();
          case RR -> !started && data.isEmpty();
          case CRR -> data.size() < MAX_OPEN_CRR;
          case UDP_STREAM, UDP_RR -> false;
        };
    if (!fits || ended.get()) {
      return false;
    }
    data.add(channel);
    channel.closeFuture().addListener(f -> data.remove(channel));
    return true;
  }

  /** Makes a socket of the peer's own (a UDP socket of this test) end with the test. */
  void own(Channel channel) {
    if (ended.get()) {
      channel.close();
      return;
    }
    data.add(channel);
    channel.closeFuture().addListener(f -> data.remove(channel));
  }

  boolean started() {
    return started;
  }

  void countReceived(int bytes) {
    received.add(bytes);
  }

  /** A measured UDP datagram of this test arrived. */
  void datagram(long seq, long sentNanos, long arrivedNanos) {
    if (udp != null) {
      udp.arrived(seq, sentNanos, arrivedNanos);
    }
  }

  /** The client says data may flow: the peer's own senders start. */
  void start(Runnable startSenders) {
    started = true;
    startSenders.run();
  }

  /** The warm-up is over. */
  synchronized void measure() {
    measureNanos = System.nanoTime();
    receivedAtMeasure = received.sum();
    retransmitsAtMeasure = TcpRetransmits.total(data);
    intervals.start(control.eventLoop(), request.intervalNanos());
  }

  /** The measured time is over: answer with what was seen since {@link #measure()}. */
  synchronized void stop(Runnable stopSenders) {
    stopSenders.run();
    long window = measureNanos == 0 ? 0 : System.nanoTime() - measureNanos;
    long bytes = received.sum() - receivedAtMeasure;
    long retransmits = TcpRetransmits.delta(retransmitsAtMeasure, TcpRetransmits.total(data));
    UdpFigures figures = udp == null ? UdpFigures.NONE : udp.figures();
    Control.Result result =
        new Control.Result(bytes, window, retransmits, intervals.stop(), figures);
    giveSlotBack(); // before the result goes out, so the client's next test finds it free
    control.writeAndFlush(ControlCodec.encode(control.alloc(), result));
  }

  List<Channel> dataChannels() {
    return data;
  }

  /** Ends the test once: timers off, every connection closed, the slot given back. */
  void end() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
    intervals.stop();
    for (Channel channel : data) {
      Runnable stop = channel.attr(PeerData.STOP).get();
      if (stop != null) {
        stop.run(); // before the close, so no answering thread outlives its connection
      }
      channel.close();
    }
    control.close();
    giveSlotBack();
    onEnd.run();
  }

  private void giveSlotBack() {
    if (slotReleased.compareAndSet(false, true)) {
      releaseSlot.run();
    }
  }
}
