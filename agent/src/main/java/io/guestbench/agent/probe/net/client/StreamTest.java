package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.IntervalSampler;
import io.guestbench.agent.probe.net.wire.StreamPump;
import io.guestbench.agent.probe.net.wire.TcpRetransmits;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Bulk TCP over parallel connections, iperf3-style: every connection is joined before any data
 * flows, the warm-up is sent but not counted, and both ends count what arrives, per interval.
 */
public final class StreamTest {
  private StreamTest() {}

  /**
   * Runs the test.
   *
   * @param progress hears what the test is doing
   * @param hostRetransmits this host's retransmitted TCP segments so far (all connections), or -1;
   *     counted instead of this end's connections when TCP_INFO is unreadable (NIO)
   */
  public static StreamFigures run(
      NetTarget target,
      TestRequest request,
      Consumer<String> progress,
      LongSupplier hostRetransmits)
      throws PeerFailure, InterruptedException {
    int threads = Math.min(request.connections(), Runtime.getRuntime().availableProcessors());
    try (TestSession session = TestSession.open(target, request, threads)) {
      LongAdder received = new LongAdder();
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < request.connections(); i++) {
        channels.add(join(session, i, received));
      }
      session.send(new Control.Start());
      forEachPump(channels, StreamPump::start);
      session.watch.sleep(request.warmupNanos());

      session.send(new Control.Measure());
      long start = System.nanoTime();
      long receivedAtStart = received.sum();
      long retransmitsAtStart = TcpRetransmits.total(channels);
      long hostAtStart = hostRetransmits.getAsLong();
      IntervalSampler sampler = new IntervalSampler(received::sum);
      sampler.start(session.group.next(), request.intervalNanos());
      progress.accept("measuring for " + request.durationNanos() / 1_000_000 + " ms");
      session.watch.sleep(request.durationNanos());

      long window = System.nanoTime() - start;
      long receivedBytes = received.sum() - receivedAtStart;
      long retransmits = TcpRetransmits.delta(retransmitsAtStart, TcpRetransmits.total(channels));
      if (retransmits < 0) {
        retransmits = TcpRetransmits.delta(hostAtStart, hostRetransmits.getAsLong());
      }
      List<Long> receivedIntervals = sampler.stop();
      forEachPump(channels, StreamPump::stop);
      Control.Result peer = session.stop(0);
      return figures(request, window, receivedBytes, receivedIntervals, retransmits, peer);
    }
  }

  private static Channel join(TestSession session, int index, LongAdder received)
      throws PeerFailure, InterruptedException {
    TestRequest request = session.request;
    ClientData counter =
        new ClientData(session.watch) {
          @Override
          int maxData(FrameType type) {
            return type == FrameType.DATA ? request.messageBytes() : -1;
          }

          @Override
          public void payload(ChannelHandlerContext ctx, FrameType type, int bytes) {
            received.add(bytes);
          }
        };
    if (!request.direction().clientSends()) {
      return session.join(index, counter);
    }
    ByteBuf frame = Frames.filled(ByteBufAllocator.DEFAULT, FrameType.DATA, request.messageBytes());
    return session.join(index, counter, new StreamPump(frame, new LongAdder()));
  }

  private static void forEachPump(List<Channel> channels, Consumer<StreamPump> action) {
    for (Channel ch : channels) {
      StreamPump pump = ch.pipeline().get(StreamPump.class);
      if (pump != null) {
        ch.eventLoop().execute(() -> action.accept(pump));
      }
    }
  }

  private static StreamFigures figures(
      TestRequest request,
      long window,
      long receivedBytes,
      List<Long> receivedIntervals,
      long retransmits,
      Control.Result peer) {
    boolean sends = request.direction().clientSends();
    boolean receives = request.direction().peerSends();
    long peerRetransmits = peer.retransmits();
    long both = retransmits < 0 ? -1 : retransmits + Math.max(0, peerRetransmits);
    return new StreamFigures(
        sends && peer.windowNanos() > 0 ? peer.bytesReceived() * 1e9 / peer.windowNanos() : -1,
        receives ? receivedBytes * 1e9 / window : -1,
        sends ? peer.intervalBytesPerSecond() : List.of(),
        receives ? receivedIntervals : List.of(),
        both,
        window);
  }
}
