package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.Samples;
import io.guestbench.agent.probe.net.wire.BlockingSocket;
import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.FrameCheck;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.TcpRetransmits;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.netty.channel.Channel;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Closed-loop TCP request/response on the probe thread with blocking calls (see {@link
 * BlockingSocket}): write a request, read its response, time the pair, again. The peer answers the
 * same way, so both ends cost what netperf's and sockperf's do.
 */
final class BlockingRr {
  /** How long a request may wait for its response once the measured time is over. */
  static final long GRACE_NANOS = TestSession.ANSWER_NANOS;

  private final TestSession session;
  private final BlockingSocket socket;
  private final TestRequest request;
  private final MemorySegment out;
  private final MemorySegment in;
  private long giveUp;

  private BlockingRr(TestSession session, BlockingSocket socket) {
    this.session = session;
    this.socket = socket;
    this.request = session.request;
    this.out = socket.buffer(Frames.HEADER_BYTES + (long) request.messageBytes());
    this.in = socket.buffer(Frames.HEADER_BYTES + (long) request.responseBytes());
    FrameCheck.fill(out, FrameType.REQUEST, request.messageBytes());
  }

  /** Runs warm-up and measured time on a joined connection this loop has taken over. */
  static RrFigures run(
      TestSession session, Channel channel, BlockingSocket socket, Consumer<String> progress)
      throws PeerFailure, InterruptedException {
    try (socket) {
      BlockingRr loop = new BlockingRr(session, socket);
      session.send(new Control.Start());
      loop.phase(session.request.warmupNanos(), null);
      session.send(new Control.Measure());
      long retransmitsAtStart = TcpRetransmits.total(List.of(channel));
      Samples rtt = new Samples();
      progress.accept("measuring for " + session.request.durationNanos() / 1_000_000 + " ms");
      long start = System.nanoTime();
      loop.phase(session.request.durationNanos(), rtt);
      long window = System.nanoTime() - start;
      long retransmits =
          TcpRetransmits.delta(retransmitsAtStart, TcpRetransmits.total(List.of(channel)));
      return new RrFigures(rtt, window, 0, retransmits);
    }
  }

  private void phase(long nanos, Samples rtt) throws PeerFailure, InterruptedException {
    long end = System.nanoTime() + nanos;
    giveUp = end + GRACE_NANOS;
    BooleanSupplier goOn = this::goOn;
    long count = 0;
    while (System.nanoTime() - end < 0 && count++ < RrRecorder.MAX_TRANSACTIONS) {
      long sent = System.nanoTime();
      check(socket.writeFully(out, Frames.HEADER_BYTES + (long) request.messageBytes(), goOn));
      check(socket.readFully(in, Frames.HEADER_BYTES + (long) request.responseBytes(), goOn));
      long answered = System.nanoTime();
      if (!FrameCheck.is(in, FrameType.RESPONSE, request.responseBytes())) {
        throw new PeerFailure("the peer broke the protocol on the data connection");
      }
      if (rtt != null) {
        rtt.record(answered - sent);
      }
    }
  }

  private boolean goOn() {
    return System.nanoTime() - giveUp < 0
        && !session.watch.failed()
        && !Thread.currentThread().isInterrupted();
  }

  private void check(BlockingSocket.Io io) throws PeerFailure, InterruptedException {
    switch (io) {
      case DONE -> {}
      case CLOSED -> throw new PeerFailure("the peer closed a data connection during the test");
      case FAILED -> throw new PeerFailure("a data connection failed during the test");
      case STOPPED -> {
        if (Thread.interrupted()) {
          throw new InterruptedException("net rr interrupted");
        }
        session.watch.check();
        throw new PeerFailure(
            session.target.address()
                + " did not answer a request within "
                + GRACE_NANOS / 1_000_000
                + " ms");
      }
    }
  }
}
