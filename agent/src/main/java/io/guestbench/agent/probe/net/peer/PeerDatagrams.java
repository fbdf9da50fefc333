package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.Datagrams;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.TestKind;
import io.guestbench.agent.probe.net.wire.Violation;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * The peer's UDP socket: datagrams of a running UDP stream test are counted, requests of a UDP
 * request/response test answered. Only the test's own client is heard, since it proved itself on
 * the control connection and a spoofed sender could otherwise aim responses at a third party.
 */
final class PeerDatagrams extends SimpleChannelInboundHandler<DatagramPacket> {
  private final PeerParts peer;

  PeerDatagrams(PeerParts peer) {
    this.peer = peer;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    long arrived = System.nanoTime();
    ByteBuf d = packet.content();
    Violation problem = Datagrams.problem(d);
    if (problem != null) {
      drop(problem, packet, Frames.preview(d));
      return;
    }
    PeerTest test = peer.tests().find(Datagrams.testId(d));
    FrameType type = Datagrams.type(d);
    if (test == null || !test.owner.equals(packet.sender().getAddress())) {
      drop(Violation.UNKNOWN_TEST, packet, "");
    } else if (type == FrameType.DATA && test.request.kind() == TestKind.UDP_STREAM) {
      if (Datagrams.measured(d)) {
        test.datagram(Datagrams.streamSeq(d), Datagrams.sentNanos(d), arrived);
      }
    } else if (type == FrameType.REQUEST && test.request.kind() == TestKind.UDP_RR) {
      ByteBuf response =
          ctx.alloc().directBuffer(Frames.HEADER_BYTES + test.request.responseBytes());
      Datagrams.writeRr(
          response, FrameType.RESPONSE, test.id, Datagrams.rrSeq(d), test.request.responseBytes());
      ctx.writeAndFlush(new DatagramPacket(response, packet.sender()), ctx.voidPromise());
    } else {
      drop(Violation.UNEXPECTED, packet, "");
    }
  }

  private void drop(Violation violation, DatagramPacket packet, String preview) {
    peer.stats().violation(violation, "a datagram from " + packet.sender(), preview);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A failed send (say, an ICMP error for a client that went away) concerns one test at most;
    // the socket keeps serving the others.
  }
}
