package io.guestbench.agent.probe.net.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps a connection's send buffer full of data frames while started: one pre-built frame is
 * written again and again (a retained duplicate, so nothing is copied) until the channel stops
 * being writable, and resumes when it drains.
 */
public final class StreamPump extends ChannelInboundHandlerAdapter {
  private final ByteBuf frame;
  private final LongAdder sent;
  private ChannelHandlerContext ctx;
  private boolean running;

  /**
   * @param frame the frame to repeat; the pump owns it and releases it when removed
   * @param sent counts payload bytes handed to the transport
   */
  public StreamPump(ByteBuf frame, LongAdder sent) {
    this.frame = frame;
    this.sent = sent;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext context) {
    running = false;
    frame.release();
  }

  /** Starts sending; call on the channel's event loop. */
  public void start() {
    running = true;
    pump();
  }

  /** Stops sending more; frames already queued still go out. Call on the event loop. */
  public void stop() {
    running = false;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) {
    pump();
    context.fireChannelWritabilityChanged();
  }

  private void pump() {
    if (!running || !ctx.channel().isActive()) {
      return;
    }
    int payload = frame.readableBytes() - Frames.HEADER_BYTES;
    while (ctx.channel().isWritable()) {
      ctx.write(frame.retainedDuplicate(), ctx.voidPromise());
      sent.add(payload);
    }
    ctx.flush();
  }
}
