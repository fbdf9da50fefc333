package io.guestbench.agent.probe.net.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The frame layout: a magic {@code GB}, a version byte, a type byte and a 32-bit payload length,
 * then the payload. Every field is big-endian.
 */
public final class Frames {
  /** The two bytes every frame starts with: {@code GB}. */
  public static final int MAGIC = 0x4742;

  /** The protocol revision this agent speaks. */
  public static final int VERSION = 1;

  public static final int HEADER_BYTES = 8;

  /** No control message needs more; anything longer is refused before it is buffered. */
  public static final int MAX_CONTROL_BYTES = 4096;

  private static final int PREVIEW_BYTES = 24;

  private Frames() {}

  /** Writes a frame header. */
  public static void writeHeader(ByteBuf out, FrameType type, int payloadBytes) {
    out.writeShort(MAGIC).writeByte(VERSION).writeByte(type.code()).writeInt(payloadBytes);
  }

  /** A whole frame whose payload is {@code payloadBytes} zeros, ready to be written many times. */
  public static ByteBuf filled(ByteBufAllocator alloc, FrameType type, int payloadBytes) {
    ByteBuf frame = alloc.directBuffer(HEADER_BYTES + payloadBytes);
    writeHeader(frame, type, payloadBytes);
    frame.writeZero(payloadBytes);
    return frame;
  }

  /**
   * The first bytes of {@code in} as printable text, for saying what a non-guestbench service
   * answered: for example {@code "HTTP/1.1 400 Bad Requ"}.
   */
  public static String preview(ByteBuf in) {
    int n = Math.min(PREVIEW_BYTES, in.readableBytes());
    byte[] bytes = new byte[n];
    in.getBytes(in.readerIndex(), bytes);
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    return text.toString();
  }
}
