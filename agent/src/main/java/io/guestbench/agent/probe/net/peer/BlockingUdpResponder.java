package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.BlockingSocket;
import io.guestbench.agent.probe.net.wire.FrameCheck;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.channel.Channel;
import java.lang.foreign.MemorySegment;

/**
 * Answers a UDP request/response test on a socket of its own, connected to the test's client, with
 * blocking calls on its own thread (see {@link BlockingSocket}); it answers the request that
 * connected it first, then every one after, until the test ends. Malformed datagrams are counted.
 */
final class BlockingUdpResponder implements Runnable {
  /** The largest UDP payload: room for any datagram, so none is cut short unseen. */
  private static final int MAX_DATAGRAM = 65_535;

  private final PeerParts peer;
  private final PeerTest test;
  private final Channel channel;
  private final BlockingSocket socket;
  private final long firstSeq;
  private volatile boolean stopping;
  private Thread thread;

  private BlockingUdpResponder(
      PeerParts peer, PeerTest test, Channel channel, BlockingSocket socket, long firstSeq) {
    this.peer = peer;
    this.test = test;
    this.channel = channel;
    this.socket = socket;
    this.firstSeq = firstSeq;
  }

  static void start(
      PeerParts peer, PeerTest test, Channel channel, BlockingSocket socket, long firstSeq) {
    BlockingUdpResponder responder =
        new BlockingUdpResponder(peer, test, channel, socket, firstSeq);
    channel.attr(PeerData.STOP).set(responder::stop);
    responder.thread = Thread.ofPlatform().name("guestbench-peer-udp-rr").daemon().start(responder);
  }

  @Override
  public void run() {
    int requestBytes = test.request.messageBytes();
    int responseBytes = test.request.responseBytes();
    MemorySegment in = socket.buffer(MAX_DATAGRAM);
    MemorySegment out = socket.buffer(Frames.HEADER_BYTES + (long) responseBytes);
    FrameCheck.fillDatagram(out, FrameType.RESPONSE, test.id, responseBytes);
    long length = Frames.HEADER_BYTES + (long) responseBytes;
    try {
      FrameCheck.setSeq(out, firstSeq);
      socket.writeFully(out, length, this::goOn);
      while (true) {
        BlockingSocket.Received r = socket.receive(in, MAX_DATAGRAM, this::goOn);
        if (r.io() == BlockingSocket.Io.STOPPED || r.io() == BlockingSocket.Io.CLOSED) {
          return;
        }
        if (r.io() == BlockingSocket.Io.FAILED) {
          continue; // an ICMP error from a client that went away: its test ends by itself
        }
        if (!FrameCheck.isDatagram(in, r.bytes(), FrameType.REQUEST, test.id, requestBytes)) {
          peer.stats()
              .violation(Violation.MALFORMED, "a datagram from " + channel.remoteAddress(), "");
          continue;
        }
        FrameCheck.setSeq(out, FrameCheck.seq(in));
        socket.writeFully(out, length, this::goOn);
      }
    } finally {
      socket.close();
      channel.close();
    }
  }

  private boolean goOn() {
    return !stopping;
  }

  void stop() {
    stopping = true;
    socket.shutdown();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
