package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.Control;
import io.guestbench.agent.probe.net.wire.ControlCodec;
import io.guestbench.agent.probe.net.wire.FrameListener;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.Transport;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The peer's end of one TCP connection. The first frame decides what it is: a hello makes it a
 * control connection, which must authenticate and then paces its test; a join makes it a data
 * connection of a running test. Anything else, or too late, and it is dropped and counted.
 */
final class PeerConnection extends ChannelInboundHandlerAdapter implements FrameListener {
  static final long HANDSHAKE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private enum State {
    NEW,
    AUTH,
    CONTROL,
    DATA
  }

  private final PeerParts peer;
  private State state = State.NEW;
  private Control.Hello hello;
  private byte[] nonce;
  private PeerTest test;
  private PeerData data;
  private ScheduledFuture<?> handshake;

  PeerConnection(PeerParts peer) {
    this.peer = peer;
  }

  /** The longest payload of each frame type allowed now; negative refuses the type. */
  int maxPayload(FrameType type) {
    return switch (state) {
      case NEW -> type == FrameType.HELLO || type == FrameType.JOIN ? Frames.MAX_CONTROL_BYTES : -1;
      case AUTH -> type == FrameType.AUTH ? Frames.MAX_CONTROL_BYTES : -1;
      case CONTROL ->
          type == FrameType.START || type == FrameType.MEASURE || type == FrameType.STOP
              ? Frames.MAX_CONTROL_BYTES
              : -1;
      case DATA -> data.maxPayload(type);
    };
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    peer.stats().connection();
    handshake =
        ctx.executor()
            .schedule(() -> handshakeTimedOut(ctx), HANDSHAKE_NANOS, TimeUnit.NANOSECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void control(ChannelHandlerContext ctx, Control message) {
    switch (state) {
      case NEW -> {
        if (message instanceof Control.Hello h) {
          onHello(ctx, h);
        } else if (message instanceof Control.Join j) {
          onJoin(ctx, j);
        }
      }
      case AUTH -> onAuth(ctx, (Control.Auth) message);
      case CONTROL -> onControl(message);
      case DATA -> {} // maxPayload refuses every control frame here
    }
  }

  private void onHello(ChannelHandlerContext ctx, Control.Hello h) {
    var problem = PeerLimits.problem(h.request(), peer.settings());
    if (problem.isPresent()) {
      peer.stats().refused(problem.get());
      sendAndClose(ctx, new Control.Refused(problem.get()));
      return;
    }
    hello = h;
    nonce = new byte[Control.NONCE_BYTES];
    peer.random().nextBytes(nonce);
    state = State.AUTH;
    send(ctx, new Control.Challenge(nonce, peer.settings().secret().isPresent()));
  }

  private void onAuth(ChannelHandlerContext ctx, Control.Auth auth) {
    byte[] payload = ControlCodec.payloadBytes(hello);
    if (peer.settings().secret().map(s -> !s.verify(nonce, payload, auth.mac())).orElse(false)) {
      peer.stats().violation(Violation.AUTH_FAILED, from(ctx), "");
      sendAndClose(ctx, new Control.Refused("the shared secret does not match this peer's"));
      return;
    }
    long capacity = PeerLimits.udpCapacity(hello.request());
    test = peer.tests().reserve(hello.request(), ctx.channel(), capacity);
    if (test == null) {
      peer.stats().busy();
      int n = peer.tests().limit();
      sendAndClose(
          ctx, new Control.Busy("busy: " + n + " of " + n + " tests running; try again later"));
      return;
    }
    peer.stats().accepted();
    state = State.CONTROL;
    handshake.cancel(false);
    long id = test.id;
    if (test.request.kind() == TestKind.UDP_RR && peer.transport() == Transport.EPOLL) {
      UdpRrSocket.open(ctx, peer, test, port -> send(ctx, new Control.Accept(id, port)));
    } else {
      send(ctx, new Control.Accept(id, peer.udpPort()));
    }
  }

  private void onControl(Control message) {
    switch (message) {
      case Control.Start s -> test.start(() -> PeerData.forEachPump(test, p -> p.start()));
      case Control.Measure m -> test.measure();
      case Control.Stop s -> test.stop(() -> PeerData.forEachPump(test, p -> p.stop()));
      default -> {} // maxPayload refuses every other control frame here
    }
  }

  private void onJoin(ChannelHandlerContext ctx, Control.Join join) {
    PeerTest joined = peer.tests().find(join.testId());
    if (joined == null || !joined.owner.equals(PeerData.remoteAddress(ctx.channel()))) {
      violation(ctx, Violation.UNKNOWN_TEST, "");
      ctx.close();
      return;
    }
    if (!joined.join(ctx.channel(), join.index())) {
      peer.stats().refused("no more connections");
      sendAndClose(ctx, new Control.Refused("the test takes no more connections"));
      return;
    }
    handshake.cancel(false);
    test = joined;
    data = PeerData.attach(ctx, peer, joined);
    state = State.DATA;
  }

  @Override
  public void payload(ChannelHandlerContext ctx, FrameType type, int bytes) {
    test.countReceived(bytes);
  }

  @Override
  public void frameEnd(ChannelHandlerContext ctx, FrameType type) {
    data.frameEnd(ctx, type);
  }

  @Override
  public void violation(ChannelHandlerContext ctx, Violation violation, String preview) {
    peer.stats().violation(violation, from(ctx), preview);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (data != null) {
      data.readComplete(ctx);
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (handshake != null) {
      handshake.cancel(false);
    }
    if (data != null) {
      data.release();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset or a broken pipe: the test, if any, ends with its connection
  }

  private void handshakeTimedOut(ChannelHandlerContext ctx) {
    if (state == State.NEW || state == State.AUTH) {
      violation(ctx, Violation.HANDSHAKE_TIMEOUT, "");
      ctx.close();
    }
  }

  private static void send(ChannelHandlerContext ctx, Control message) {
    ctx.writeAndFlush(ControlCodec.encode(ctx.alloc(), message));
  }

  private static void sendAndClose(ChannelHandlerContext ctx, Control message) {
    ctx.writeAndFlush(ControlCodec.encode(ctx.alloc(), message))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private static String from(ChannelHandlerContext ctx) {
    return String.valueOf(ctx.channel().remoteAddress());
  }
}
