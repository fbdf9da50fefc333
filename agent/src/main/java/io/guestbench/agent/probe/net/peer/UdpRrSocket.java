package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.BlockingSocket;
import io.guestbench.agent.probe.net.wire.Datagrams;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The UDP socket of one request/response test: bound to a free port, connected to the client by its
 * first valid request, then handed to a {@link BlockingUdpResponder}, so UDP round trips cost the
 * peer one receive and one send each, as sockperf's server does.
 */
final class UdpRrSocket extends SimpleChannelInboundHandler<DatagramPacket> {
  private final PeerParts peer;
  private final PeerTest test;
  private boolean connected;

  private UdpRrSocket(PeerParts peer, PeerTest test) {
    this.peer = peer;
    this.test = test;
  }

  /** Binds the socket; {@code accept} gets its port, or the shared port if binding failed. */
  static void open(
      ChannelHandlerContext control, PeerParts peer, PeerTest test, IntConsumer accept) {
    new Bootstrap()
        .group(control.channel().eventLoop())
        .channel(peer.transport().datagramChannel())
        .handler(new UdpRrSocket(peer, test))
        .bind(peer.settings().bind(), 0)
        .addListener(
            (ChannelFuture f) -> {
              if (f.isSuccess()) {
                test.own(f.channel());
                accept.accept(((InetSocketAddress) f.channel().localAddress()).getPort());
              } else {
                accept.accept(peer.udpPort()); // the shared socket answers instead
              }
            });
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    ByteBuf d = packet.content();
    boolean ours =
        Datagrams.problem(d) == null
            && Datagrams.type(d) == FrameType.REQUEST
            && d.readableBytes() == Frames.HEADER_BYTES + test.request.messageBytes()
            && Datagrams.testId(d) == test.id
            && test.owner.equals(packet.sender().getAddress());
    if (!ours) {
      peer.stats().violation(Violation.UNKNOWN_TEST, "a datagram from " + packet.sender(), "");
      return;
    }
    if (connected) {
      return;
    }
    connected = true;
    long seq = Datagrams.rrSeq(d);
    // No more reads here: the next request comes only after our answer to this one, which the
    // responder sends once it owns the socket.
    ctx.channel().config().setAutoRead(false);
    ctx.channel()
        .connect(packet.sender())
        .addListener(
            f -> {
              Optional<BlockingSocket> socket =
                  f.isSuccess()
                      ? BlockingSocket.takeOverUntilShutdown(ctx.channel())
                      : Optional.empty();
              if (socket.isEmpty()) {
                ctx.close();
                return;
              }
              ctx.channel().deregister();
              BlockingUdpResponder.start(peer, test, ctx.channel(), socket.get(), seq);
            });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A send error concerns this test's client only; its test ends on its own bounds.
  }
}
