package io.guestbench.collector.metrics;

/**
 * Reads the zig-zag LEB128 longs of an HdrHistogram V2 payload: at most 9 bytes each, the ninth
 * taking all 8 bits. Most counts and short runs of zeros take one byte. A truncated value reads as
 * {@link Long#MIN_VALUE}, which no well-formed payload holds and both readers refuse.
 */
final class ZigZagReader {
  private final byte[] buf;
  private final int end;
  private int pos;

  ZigZagReader(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  boolean hasNext() {
    return pos < end;
  }

  long next() {
    long raw = buf[pos++];
    if (raw < 0) {
      raw &= 0x7f;
      for (int shift = 7; ; shift += 7) {
        if (pos >= end) {
          return Long.MIN_VALUE;
        }
        int b = buf[pos++];
        if (shift == 56) {
          raw |= (long) (b & 0xff) << 56;
          break;
        }
        raw |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          break;
        }
      }
    }
    return (raw >>> 1) ^ -(raw & 1);
  }
}
