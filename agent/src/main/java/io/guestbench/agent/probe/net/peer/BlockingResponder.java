package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.BlockingSocket;
import io.guestbench.agent.probe.net.wire.FrameCheck;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.channel.Channel;
import java.lang.foreign.MemorySegment;

/**
 * Answers a TCP request/response test on its own thread with blocking calls (see {@link
 * BlockingSocket}): read a request, check its header, write the response, until the client goes,
 * the test ends, or a request is malformed.
 */
final class BlockingResponder implements Runnable {
  private final PeerParts peer;
  private final Channel channel;
  private final BlockingSocket socket;
  private final int requestBytes;
  private final int responseBytes;
  private volatile boolean stopping;
  private Thread thread;

  private BlockingResponder(PeerParts peer, Channel channel, BlockingSocket socket, PeerTest test) {
    this.peer = peer;
    this.channel = channel;
    this.socket = socket;
    this.requestBytes = test.request.messageBytes();
    this.responseBytes = test.request.responseBytes();
  }

  /** Starts answering on the channel's connection; the channel must no longer read. */
  static void start(PeerParts peer, Channel channel, BlockingSocket socket, PeerTest test) {
    BlockingResponder responder = new BlockingResponder(peer, channel, socket, test);
    channel.attr(PeerData.STOP).set(responder::stop);
    responder.thread = Thread.ofPlatform().name("guestbench-peer-rr").daemon().start(responder);
  }

  @Override
  public void run() {
    MemorySegment request = socket.buffer(Frames.HEADER_BYTES + (long) requestBytes);
    MemorySegment response = socket.buffer(Frames.HEADER_BYTES + (long) responseBytes);
    FrameCheck.fill(response, FrameType.RESPONSE, responseBytes);
    try {
      while (socket.readFully(request, Frames.HEADER_BYTES + (long) requestBytes, this::goOn)
          == BlockingSocket.Io.DONE) {
        if (!FrameCheck.is(request, FrameType.REQUEST, requestBytes)) {
          peer.stats().violation(Violation.MALFORMED, String.valueOf(channel.remoteAddress()), "");
          break;
        }
        if (socket.writeFully(response, Frames.HEADER_BYTES + (long) responseBytes, this::goOn)
            != BlockingSocket.Io.DONE) {
          break;
        }
      }
    } finally {
      socket.close();
      channel.close();
    }
  }

  private boolean goOn() {
    return !stopping;
  }

  /** Ends the loop and waits (briefly) for its thread, before the channel is closed. */
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
