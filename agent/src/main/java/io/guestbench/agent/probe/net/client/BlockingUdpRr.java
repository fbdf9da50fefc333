package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.Samples;
import io.guestbench.agent.probe.net.wire.BlockingSocket;
import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.FrameCheck;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.TestRequest;
import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

/**
 * Closed-loop UDP request/response on the probe thread with blocking calls (see {@link
 * BlockingSocket}): send a request, wait for its response up to a timeout (then it counts as lost),
 * again. Answers to requests already given up on are skipped.
 */
final class BlockingUdpRr {
  private static final int MAX_DATAGRAM = 65_535;

  private final TestSession session;
  private final BlockingSocket socket;
  private final TestRequest request;
  private final MemorySegment out;
  private final MemorySegment in;
  private long seq;
  private long lost;
  private long deadline;

  private BlockingUdpRr(TestSession session, BlockingSocket socket) {
    this.session = session;
    this.socket = socket;
    this.request = session.request;
    this.out = socket.buffer(Frames.HEADER_BYTES + (long) request.messageBytes());
    this.in = socket.buffer(MAX_DATAGRAM);
    FrameCheck.fillDatagram(out, FrameType.REQUEST, session.testId(), request.messageBytes());
  }

  static RrFigures run(TestSession session, BlockingSocket socket, Consumer<String> progress)
      throws PeerFailure, InterruptedException {
    try (socket) {
      BlockingUdpRr loop = new BlockingUdpRr(session, socket);
      session.send(new Control.Start());
      loop.phase(session.request.warmupNanos(), null);
      session.send(new Control.Measure());
      loop.lost = 0;
      Samples rtt = new Samples();
      progress.accept("measuring for " + session.request.durationNanos() / 1_000_000 + " ms");
      long start = System.nanoTime();
      loop.phase(session.request.durationNanos(), rtt);
      return new RrFigures(rtt, System.nanoTime() - start, loop.lost, -1);
    }
  }

  private void phase(long nanos, Samples rtt) throws PeerFailure, InterruptedException {
    long end = System.nanoTime() + nanos;
    long length = Frames.HEADER_BYTES + (long) request.messageBytes();
    while (System.nanoTime() - end < 0 && seq < RrRecorder.MAX_TRANSACTIONS) {
      FrameCheck.setSeq(out, ++seq);
      long sent = System.nanoTime();
      deadline = sent + RrTest.UDP_TIMEOUT_NANOS;
      check(socket.writeFully(out, length, this::goOn));
      long answered = awaitAnswer();
      if (answered < 0) {
        lost++;
      } else if (rtt != null) {
        rtt.record(answered - sent);
      }
    }
  }

  /** When the answer to the current request came, or -1 when it did not come in time. */
  private long awaitAnswer() throws PeerFailure, InterruptedException {
    while (true) {
      BlockingSocket.Received r = socket.receive(in, MAX_DATAGRAM, this::goOn);
      long now = System.nanoTime();
      if (r.io() == BlockingSocket.Io.DONE) {
        if (FrameCheck.isDatagram(
                in, r.bytes(), FrameType.RESPONSE, session.testId(), request.responseBytes())
            && FrameCheck.seq(in) == seq) {
          return now;
        }
        continue; // late, or not ours
      }
      if (r.io() == BlockingSocket.Io.STOPPED && now - deadline >= 0) {
        if (Thread.interrupted()) {
          throw new InterruptedException("net rr interrupted");
        }
        session.watch.check();
        return -1;
      }
      check(r.io());
    }
  }

  private boolean goOn() {
    return System.nanoTime() - deadline < 0
        && !session.watch.failed()
        && !Thread.currentThread().isInterrupted();
  }

  private void check(BlockingSocket.Io io) throws PeerFailure, InterruptedException {
    switch (io) {
      case DONE, STOPPED -> {
        if (Thread.interrupted()) {
          throw new InterruptedException("net rr interrupted");
        }
        session.watch.check();
      }
      case CLOSED -> throw new PeerFailure("the UDP socket was shut down during the test");
      case FAILED ->
          throw new PeerFailure("the peer's UDP port does not answer (ICMP port unreachable)");
    }
  }
}
