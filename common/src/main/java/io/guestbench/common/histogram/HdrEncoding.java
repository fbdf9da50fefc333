package io.guestbench.common.histogram;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The two HdrHistogram V2 encodings a {@code Distribution} may carry. Agents send the plain one
 * (zig-zag LEB128 counts with runs of zeros, no deflate): it is 1.5–2 times larger than the
 * compressed one but the collector reads it without inflating, which was the largest fixed cost of
 * ingesting a histogram. The compressed one is still read (older agents, older journals) and is
 * what an agent falls back to when the plain encoding would exceed the wire limit.
 */
public final class HdrEncoding {
  /** The cookie of the plain V2 encoding, without its word-size bits. */
  public static final int PLAIN_COOKIE = 0x1c849303;

  /** The cookie of the deflated V2 encoding, without its word-size bits. */
  public static final int COMPRESSED_COOKIE = 0x1c849304;

  private static final int COOKIE_WORD_SIZE_BITS = 0xf0;

  private HdrEncoding() {}

  /** The encoding's kind from its first four bytes, or null if it is neither. */
  public static Kind kind(ByteBuffer encoded) {
    if (encoded.remaining() < 4) {
      return null;
    }
    int cookie = encoded.getInt(encoded.position()) & ~COOKIE_WORD_SIZE_BITS;
    return cookie == PLAIN_COOKIE
        ? Kind.PLAIN
        : cookie == COMPRESSED_COOKIE ? Kind.COMPRESSED : null;
  }

  /** The kinds of encoding, told apart by their cookie. */
  public enum Kind {
    PLAIN,
    COMPRESSED
  }

  /** The plain encoding of {@code histogram}. */
  public static byte[] plain(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoByteBuffer(buffer);
    return copy(buffer, length);
  }

  /** The compressed encoding of {@code histogram}. */
  public static byte[] compressed(Histogram histogram) {
    int raw = histogram.getNeededByteBufferCapacity();
    // The encoder deflates into the array without checking it fits, so leave deflate's worst-case
    // expansion (well under 1% plus a header) as headroom.
    ByteBuffer buffer = ByteBuffer.allocate(raw + raw / 64 + 256);
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return copy(buffer, length);
  }

  /**
   * The histogram in either encoding, by HdrHistogram's own decoder: for trusted input (what the
   * collector checked at ingest, what the agent made itself). The collector's ingest path has its
   * own bounded decoder for input from the network.
   *
   * @throws IllegalArgumentException if the bytes are neither encoding or do not decode
   */
  public static Histogram decode(ByteBuffer encoded) {
    Kind kind = kind(encoded);
    if (kind == null) {
      throw new IllegalArgumentException("not an HdrHistogram V2 encoding");
    }
    try {
      return kind == Kind.PLAIN
          ? Histogram.decodeFromByteBuffer(encoded, 0)
          : Histogram.decodeFromCompressedByteBuffer(encoded, 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("undecodable HdrHistogram (" + e + ")", e);
    }
  }

  private static byte[] copy(ByteBuffer buffer, int length) {
    byte[] out = new byte[length];
    System.arraycopy(buffer.array(), 0, out, 0, length);
    return out;
  }
}
