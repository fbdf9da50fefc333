package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.Datagrams;
import io.guestbench.agent.probe.net.wire.FrameType;
import io.guestbench.agent.probe.net.wire.Frames;
import io.guestbench.agent.probe.net.wire.TestRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.PortUnreachableException;
import java.util.concurrent.TimeUnit;

/**
 * UDP request/response, closed loop: one request in flight, answered or given up on after a timeout
 * (then counted as lost); answers to requests already given up on are ignored.
 */
final class UdpRrLoop extends SimpleChannelInboundHandler<DatagramPacket> implements RrDriver {
  private final Watch watch;
  private final TestRequest request;
  private final long testId;
  private final long timeoutNanos;
  private final RrRecorder recorder = new RrRecorder();
  private ChannelHandlerContext ctx;
  private long seq = -1;
  private long sentAt;
  private boolean waiting;
  private ScheduledFuture<?> timeout;

  UdpRrLoop(Watch watch, TestRequest request, long testId, long timeoutNanos) {
    this.watch = watch;
    this.request = request;
    this.testId = testId;
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    ctx = context;
  }

  @Override
  public RrRecorder recorder() {
    return recorder;
  }

  @Override
  public void start() {
    ctx.executor().execute(this::send);
  }

  @Override
  public void stop() {
    ctx.executor().execute(() -> recorder.stop(-1));
  }

  private void send() {
    if (recorder.stopped()) {
      return;
    }
    seq++;
    ByteBuf d = ctx.alloc().directBuffer(Frames.HEADER_BYTES + request.messageBytes());
    Datagrams.writeRr(d, FrameType.REQUEST, testId, seq, request.messageBytes());
    long mine = seq;
    sentAt = System.nanoTime();
    waiting = true;
    ctx.writeAndFlush(d, ctx.voidPromise());
    timeout = ctx.executor().schedule(() -> expire(mine), timeoutNanos, TimeUnit.NANOSECONDS);
  }

  private void expire(long which) {
    if (waiting && which == seq) {
      waiting = false;
      recorder.lost(sentAt);
      send();
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
    long now = System.nanoTime();
    ByteBuf d = packet.content();
    if (Datagrams.problem(d) != null
        || Datagrams.type(d) != FrameType.RESPONSE
        || Datagrams.testId(d) != testId
        || Datagrams.rrSeq(d) != seq
        || !waiting) {
      return; // a late answer to a request already counted as lost, or noise
    }
    waiting = false;
    timeout.cancel(false);
    if (recorder.answered(sentAt, now)) {
      send();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (cause instanceof PortUnreachableException) {
      watch.fail("the peer's UDP port does not answer (ICMP port unreachable)");
    }
    // Other send errors (a full buffer) lose one request, which the timeout counts.
  }
}
