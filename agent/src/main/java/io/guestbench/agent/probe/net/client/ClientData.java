package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.FrameListener;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The client's end of a data connection: waits for the peer to confirm the join, then hands data
 * frames to the test. A connection that closes before the test closes it is a failure of the test,
 * reported to its {@link Watch}.
 */
abstract class ClientData extends ChannelInboundHandlerAdapter implements FrameListener {
  final Watch watch;
  final CompletableFuture<Void> joined = new CompletableFuture<>();
  private volatile boolean closing;

  ClientData(Watch watch) {
    this.watch = watch;
  }

  /** The longest data payload of this type the test expects; negative refuses the type. */
  abstract int maxData(FrameType type);

  final int maxPayload(FrameType type) {
    return type.control() ? Frames.MAX_CONTROL_BYTES : maxData(type);
  }

  /** The test is closing this connection on purpose. */
  final void closing() {
    closing = true;
  }

  @Override
  public void control(ChannelHandlerContext ctx, Control message) {
    switch (message) {
      case Control.Joined j -> joined.complete(null);
      case Control.Refused r -> fail("the peer refused a data connection: " + r.reason());
      default -> fail("the peer sent " + message.type() + " on a data connection");
    }
  }

  @Override
  public void payload(ChannelHandlerContext ctx, FrameType type, int bytes) {}

  @Override
  public void frameEnd(ChannelHandlerContext ctx, FrameType type) {}

  @Override
  public void violation(ChannelHandlerContext ctx, Violation violation, String preview) {
    fail("the peer broke the protocol on a data connection (" + violation.label() + ")");
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!closing) {
      fail("the peer closed a data connection during the test");
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!closing) {
      fail("a data connection failed during the test: " + Connections.reason(cause));
    }
    ctx.close();
  }

  final void fail(String why) {
    joined.completeExceptionally(new PeerFailure(why));
    watch.fail(why);
  }
}
