package io.guestbench.agent.probe.net.wire;

import io.netty.channel.ChannelHandlerContext;

/** Receives what a {@link FrameReader} finds, on the channel's event loop. */
public interface FrameListener {

  /** A whole, well-formed control message. */
  void control(ChannelHandlerContext ctx, Control message);

  /** {@code bytes} more payload bytes of a data frame of this type arrived (and were dropped). */
  void payload(ChannelHandlerContext ctx, FrameType type, int bytes);

  /** The last payload byte of a data frame of this type arrived. */
  void frameEnd(ChannelHandlerContext ctx, FrameType type);

  /**
   * The bytes broke the protocol; the reader has stopped and the connection is being closed.
   *
   * @param preview the offending bytes as printable text, for an error message
   */
  void violation(ChannelHandlerContext ctx, Violation violation, String preview);
}
