package io.guestbench.agent.probe.net.wire;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Frame headers in native memory, for the blocking request/response path. */
public final class FrameCheck {
  private static final ValueLayout.OfShort SHORT =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  private static final ValueLayout.OfInt INT =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private static final ValueLayout.OfLong LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private FrameCheck() {}

  /** Writes a whole request or response datagram (see {@link Datagrams}) of {@code payload}. */
  public static void fillDatagram(MemorySegment d, FrameType type, long testId, int payload) {
    fill(d, type, payload);
    d.set(LONG, Frames.HEADER_BYTES, testId);
  }

  /** Sets the sequence number of a request or response datagram. */
  public static void setSeq(MemorySegment d, long seq) {
    d.set(LONG, Frames.HEADER_BYTES + 8, seq);
  }

  public static long seq(MemorySegment d) {
    return d.get(LONG, Frames.HEADER_BYTES + 8);
  }

  /** Whether {@code n} received bytes are a {@code type} datagram of this test and size. */
  public static boolean isDatagram(
      MemorySegment d, long n, FrameType type, long testId, int payload) {
    return n == Frames.HEADER_BYTES + (long) payload
        && is(d, type, payload)
        && d.get(LONG, Frames.HEADER_BYTES) == testId;
  }

  /** Writes a header and zeros: a whole frame of {@code payload} bytes at the segment's start. */
  public static void fill(MemorySegment frame, FrameType type, int payload) {
    frame.asSlice(0, Frames.HEADER_BYTES + (long) payload).fill((byte) 0);
    frame.set(SHORT, 0, (short) Frames.MAGIC);
    frame.set(ValueLayout.JAVA_BYTE, 2, (byte) Frames.VERSION);
    frame.set(ValueLayout.JAVA_BYTE, 3, (byte) type.code());
    frame.set(INT, 4, payload);
  }

  /**
   * Whether the segment starts with the header of a {@code type} frame of {@code payload} bytes.
   */
  public static boolean is(MemorySegment frame, FrameType type, int payload) {
    return (frame.get(SHORT, 0) & 0xffff) == Frames.MAGIC
        && frame.get(ValueLayout.JAVA_BYTE, 2) == Frames.VERSION
        && (frame.get(ValueLayout.JAVA_BYTE, 3) & 0xff) == type.code()
        && frame.get(INT, 4) == payload;
  }
}
