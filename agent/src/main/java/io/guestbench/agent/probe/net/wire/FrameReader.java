package io.guestbench.agent.probe.net.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits a TCP byte stream into frames. Control payloads are collected (they are small and bounded)
 * and decoded; data payloads are counted and skipped as they arrive, so a stream test never copies
 * or buffers its bulk bytes. The first bad byte stops the reader and closes the connection.
 */
public final class FrameReader extends ByteToMessageDecoder {
  private final FrameListener listener;
  private final ToIntFunction<FrameType> maxPayload;
  private FrameType type; // of the frame whose payload is being read; null between frames
  private int remaining;
  private boolean stopped;

  /**
   * @param maxPayload the longest payload allowed for each type, now; negative refuses the type
   */
  public FrameReader(FrameListener listener, ToIntFunction<FrameType> maxPayload) {
    this.listener = listener;
    this.maxPayload = maxPayload;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!stopped) {
      if (type == null && !readHeader(ctx, in)) {
        return;
      }
      if (type.control()) {
        if (in.readableBytes() < remaining) {
          return;
        }
        readControl(ctx, in.readSlice(remaining));
      } else if (!readData(ctx, in)) {
        return; // the payload goes on in the next read
      }
    }
  }

  private boolean readHeader(ChannelHandlerContext ctx, ByteBuf in) {
    int start = in.readerIndex();
    int readable = in.readableBytes();
    // Judge the magic as soon as two bytes are in, so a silent non-guestbench client is told off
    // without waiting for a full header.
    if (readable >= 2 && in.getUnsignedShort(start) != Frames.MAGIC) {
      return refuse(ctx, in, Violation.BAD_MAGIC);
    }
    if (readable < Frames.HEADER_BYTES) {
      return false;
    }
    if (in.getUnsignedByte(start + 2) != Frames.VERSION) {
      return refuse(ctx, in, Violation.BAD_VERSION);
    }
    FrameType t = FrameType.of(in.getUnsignedByte(start + 3));
    if (t == null) {
      return refuse(ctx, in, Violation.UNKNOWN_TYPE);
    }
    long length = in.getUnsignedInt(start + 4);
    int max = maxPayload.applyAsInt(t);
    if (max < 0) {
      return refuse(ctx, in, Violation.UNEXPECTED);
    }
    if (length > max) {
      return refuse(ctx, in, Violation.TOO_LARGE);
    }
    in.skipBytes(Frames.HEADER_BYTES);
    type = t;
    remaining = (int) length;
    return true;
  }

  private void readControl(ChannelHandlerContext ctx, ByteBuf payload) {
    FrameType t = type;
    type = null;
    Control message = ControlCodec.decode(t, payload);
    if (message == null) {
      stop(ctx, Violation.MALFORMED, "");
    } else {
      listener.control(ctx, message);
    }
  }

  /** Skips what is here of a data payload; true when the frame is complete. */
  private boolean readData(ChannelHandlerContext ctx, ByteBuf in) {
    int n = Math.min(remaining, in.readableBytes());
    in.skipBytes(n);
    remaining -= n;
    if (n > 0) {
      listener.payload(ctx, type, n);
    }
    if (remaining > 0) {
      return false;
    }
    FrameType t = type;
    type = null;
    listener.frameEnd(ctx, t);
    return true;
  }

  private boolean refuse(ChannelHandlerContext ctx, ByteBuf in, Violation violation) {
    String preview = Frames.preview(in);
    in.skipBytes(in.readableBytes());
    stop(ctx, violation, preview);
    return false;
  }

  private void stop(ChannelHandlerContext ctx, Violation violation, String preview) {
    stopped = true;
    listener.violation(ctx, violation, preview);
    ctx.close();
  }
}
