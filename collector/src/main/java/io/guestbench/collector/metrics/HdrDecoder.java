package io.guestbench.collector.metrics;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * Decodes a result's HdrHistogram bytes without trusting them. HdrHistogram sizes its arrays from
 * the range and precision the encoding declares, so those are read and bounded first: 64 KiB of
 * input must not make the collector allocate tens of megabytes.
 */
final class HdrDecoder {
  /** The protocol's limit for one encoded histogram. */
  static final int MAX_ENCODED_BYTES = 64 * 1024;

  /** Counters a declared range and precision may need: 8 MiB of longs, far above 3 digits. */
  static final long MAX_COUNTERS = 1L << 20;

  private static final int V2_COMPRESSED_COOKIE = 0x1c849304;
  private static final int V2_COOKIE = 0x1c849303;
  private static final int COOKIE_WORD_SIZE_BITS = 0xf0;
  private static final int HEADER_BYTES = 40;

  /** The bytes are not a usable histogram; the message is short and safe to log. */
  static final class FormatException extends Exception {
    FormatException(String message) {
      super(message, null, false, false);
    }
  }

  private HdrDecoder() {}

  static Histogram decode(ByteString bytes) throws FormatException {
    if (bytes.size() > MAX_ENCODED_BYTES) {
      throw new FormatException(bytes.size() + " bytes (limit " + MAX_ENCODED_BYTES + ")");
    }
    byte[] array = bytes.toByteArray();
    checkDeclaredSize(array);
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(array), 0);
    } catch (DataFormatException | RuntimeException e) {
      // HdrHistogram reports bad input as whatever its parse tripped over: IllegalArgument,
      // ArrayIndexOutOfBounds, BufferUnderflow, NegativeArraySize and so on.
      throw new FormatException("undecodable (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void checkDeclaredSize(byte[] array) throws FormatException {
    ByteBuffer outer = ByteBuffer.wrap(array);
    if (array.length < 8 || cookieBase(outer.getInt()) != V2_COMPRESSED_COOKIE) {
      throw new FormatException("not a compressed HdrHistogram V2 encoding");
    }
    int compressedLength = outer.getInt();
    if (compressedLength < 0 || compressedLength > array.length - 8) {
      throw new FormatException("truncated");
    }
    ByteBuffer header = ByteBuffer.wrap(inflateHeader(array, compressedLength));
    if (cookieBase(header.getInt()) != V2_COOKIE) {
      throw new FormatException("not a compressed HdrHistogram V2 encoding");
    }
    header.getInt(); // payload length: bounded by the counters below
    header.getInt(); // normalizing index offset
    int digits = header.getInt();
    long lowest = header.getLong();
    long highest = header.getLong();
    if (digits < 0 || digits > 5 || lowest < 1 || highest / 2 < lowest) {
      throw new FormatException("bad range or precision");
    }
    long counters = countersNeeded(digits, lowest, highest);
    if (counters > MAX_COUNTERS) {
      throw new FormatException(
          "range and precision need about " + counters + " counters (limit " + MAX_COUNTERS + ")");
    }
  }

  /**
   * An upper bound of HdrHistogram's counts array: half its sub-bucket count (the power of two at
   * or above 2 * 10^digits) for each power of two the range spans, plus two.
   */
  static long countersNeeded(int digits, long lowest, long highest) {
    long subBuckets = Long.highestOneBit(2 * (long) Math.pow(10, digits) - 1) << 1;
    int powersOfTwo = 64 - Long.numberOfLeadingZeros(highest / lowest);
    return (powersOfTwo + 2) * (subBuckets / 2);
  }

  private static byte[] inflateHeader(byte[] array, int compressedLength) throws FormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(array, 8, compressedLength);
      byte[] header = new byte[HEADER_BYTES];
      if (inflater.inflate(header) < HEADER_BYTES) {
        throw new FormatException("truncated");
      }
      return header;
    } catch (DataFormatException e) {
      throw new FormatException("undecodable (" + e.getClass().getSimpleName() + ")");
    } finally {
      inflater.end();
    }
  }

  private static int cookieBase(int cookie) {
    return cookie & ~COOKIE_WORD_SIZE_BITS;
  }
}
