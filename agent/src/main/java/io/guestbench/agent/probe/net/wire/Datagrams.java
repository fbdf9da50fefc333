package io.guestbench.agent.probe.net.wire;

import io.netty.buffer.ByteBuf;

/**
 * The layout of UDP datagrams: a frame header whose length is the rest of the datagram, the test
 * id, then for a stream datagram a flags byte, its sequence number and the sender's send time, or
 * for a request or response its sequence number. Zeros pad a datagram to its size.
 */
public final class Datagrams {
  /** Header, test id, flags, sequence number and send time. */
  public static final int STREAM_MIN_BYTES = Frames.HEADER_BYTES + 8 + 1 + 8 + 8;

  /** Test id and sequence number: the least a request/response payload holds. */
  public static final int RR_MIN_PAYLOAD = 16;

  /** Flag of a stream datagram sent after the warm-up. */
  public static final int MEASURED = 1;

  private static final int ID_AT = Frames.HEADER_BYTES;

  private Datagrams() {}

  /** Writes a whole stream datagram of {@code size} bytes. */
  public static void writeStream(
      ByteBuf out, long testId, boolean measured, long seq, long sentNanos, int size) {
    Frames.writeHeader(out, FrameType.DATA, size - Frames.HEADER_BYTES);
    out.writeLong(testId).writeByte(measured ? MEASURED : 0).writeLong(seq).writeLong(sentNanos);
    out.writeZero(size - STREAM_MIN_BYTES);
  }

  /** Writes a request or response datagram with {@code payload} bytes after the header. */
  public static void writeRr(ByteBuf out, FrameType type, long testId, long seq, int payload) {
    Frames.writeHeader(out, type, payload);
    out.writeLong(testId).writeLong(seq).writeZero(payload - RR_MIN_PAYLOAD);
  }

  /**
   * What is wrong with a datagram, or null when it is one of ours and well formed: the length field
   * matches and it is long enough for its type, which {@link #type} then gives.
   */
  public static Violation problem(ByteBuf d) {
    int n = d.readableBytes();
    int at = d.readerIndex();
    if (n < Frames.HEADER_BYTES || d.getUnsignedShort(at) != Frames.MAGIC) {
      return Violation.BAD_MAGIC;
    }
    if (d.getUnsignedByte(at + 2) != Frames.VERSION) {
      return Violation.BAD_VERSION;
    }
    FrameType type = type(d);
    if (type == null) {
      return Violation.UNKNOWN_TYPE;
    }
    int min =
        switch (type) {
          case DATA -> STREAM_MIN_BYTES;
          case REQUEST, RESPONSE -> Frames.HEADER_BYTES + RR_MIN_PAYLOAD;
          default -> -1;
        };
    if (min < 0) {
      return Violation.UNEXPECTED;
    }
    return n < min || d.getUnsignedInt(at + 4) != n - Frames.HEADER_BYTES
        ? Violation.MALFORMED
        : null;
  }

  /** The frame type named in the header, or null. */
  public static FrameType type(ByteBuf d) {
    return FrameType.of(d.getUnsignedByte(d.readerIndex() + 3));
  }

  public static long testId(ByteBuf d) {
    return d.getLong(d.readerIndex() + ID_AT);
  }

  public static boolean measured(ByteBuf d) {
    return (d.getByte(d.readerIndex() + ID_AT + 8) & MEASURED) != 0;
  }

  /** The sequence number of a stream datagram. */
  public static long streamSeq(ByteBuf d) {
    return d.getLong(d.readerIndex() + ID_AT + 9);
  }

  public static long sentNanos(ByteBuf d) {
    return d.getLong(d.readerIndex() + ID_AT + 17);
  }

  /** The sequence number of a request or response. */
  public static long rrSeq(ByteBuf d) {
    return d.getLong(d.readerIndex() + ID_AT + 8);
  }
}
