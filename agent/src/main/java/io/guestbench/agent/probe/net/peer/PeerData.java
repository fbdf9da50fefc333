package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.BlockingSocket;
import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.StreamPump;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What the peer does on a data connection of each kind of test: count stream bytes (and send its
 * own when the client receives), or answer each request with a response, closing after it when the
 * test measures connection setup too.
 */
final class PeerData {
  /** How to stop a thread that answers on a connection, before the connection is closed. */
  static final AttributeKey<Runnable> STOP = AttributeKey.valueOf("guestbench-stop");

  private final PeerTest test;
  private final ByteBuf response;
  private boolean flushPending;

  private PeerData(PeerTest test, ByteBuf response) {
    this.test = test;
    this.response = response;
  }

  /** Sets a freshly joined connection up for its test and confirms the join where needed. */
  static PeerData attach(ChannelHandlerContext ctx, PeerParts peer, PeerTest test) {
    var request = test.request;
    ByteBuf response = null;
    if (request.kind() == TestKind.STREAM && request.direction().peerSends()) {
      ByteBuf frame = Frames.filled(ctx.alloc(), FrameType.DATA, request.messageBytes());
      ctx.pipeline().addLast(new StreamPump(frame, new LongAdder()));
    } else if (request.kind() != TestKind.STREAM) {
      response = Frames.filled(ctx.alloc(), FrameType.RESPONSE, request.responseBytes());
    }
    if (request.kind() != TestKind.CRR) {
      // A connect/request/response client sends its request right behind the join: no round
      // trip for a confirmation, which would be measured as connection setup.
      ctx.writeAndFlush(ControlCodec.encode(ctx.alloc(), new Control.Joined()));
    }
    if (request.kind() == TestKind.RR) {
      takeOver(ctx, peer, test);
    }
    return new PeerData(test, response);
  }

  /**
   * Hands a request/response connection to a {@link BlockingResponder} where the transport allows.
   * The channel leaves its event loop (deregistered, in this loop turn, before the next poll), so
   * Netty reads none of the requests; the client sends nothing until it has our confirmation, so
   * nothing is buffered here either. The channel stays open until the test closes it.
   */
  private static void takeOver(ChannelHandlerContext ctx, PeerParts peer, PeerTest test) {
    var socket = BlockingSocket.takeOverUntilShutdown(ctx.channel());
    if (socket.isPresent()) {
      ctx.channel().config().setAutoRead(false);
      ctx.channel().deregister();
      BlockingResponder.start(peer, ctx.channel(), socket.get(), test);
    }
  }

  int maxPayload(FrameType type) {
    FrameType expected =
        test.request.kind() == TestKind.STREAM ? FrameType.DATA : FrameType.REQUEST;
    return type == expected ? test.request.messageBytes() : -1;
  }

  void frameEnd(ChannelHandlerContext ctx, FrameType type) {
    switch (test.request.kind()) {
      case RR -> {
        ctx.write(response.retainedDuplicate(), ctx.voidPromise());
        flushPending = true;
      }
      case CRR ->
          ctx.writeAndFlush(response.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
      case STREAM, UDP_STREAM, UDP_RR -> {}
    }
  }

  /** Responses are flushed once per read, so pipelined requests share a system call. */
  void readComplete(ChannelHandlerContext ctx) {
    if (flushPending) {
      flushPending = false;
      ctx.flush();
    }
  }

  void release() {
    if (response != null && response.refCnt() > 0) {
      response.release();
    }
  }

  /** Runs {@code action} on the stream pump of each of the test's connections, on its loop. */
  static void forEachPump(PeerTest test, Consumer<StreamPump> action) {
    for (Channel channel : test.dataChannels()) {
      StreamPump pump = channel.pipeline().get(StreamPump.class);
      if (pump != null) {
        channel.eventLoop().execute(() -> action.accept(pump));
      }
    }
  }

  static InetAddress remoteAddress(Channel channel) {
    return ((InetSocketAddress) channel.remoteAddress()).getAddress();
  }
}
