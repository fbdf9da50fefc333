package io.guestbench.collector.metrics;

import com.google.protobuf.ByteString;
import io.guestbench.common.histogram.HdrEncoding;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Decodes a result's HdrHistogram bytes without trusting them, into reused {@link HdrCounts}.
 * HdrHistogram sizes its arrays from the range and precision the encoding declares, so those are
 * read and bounded first: 64 KiB of input must not make the collector allocate tens of megabytes.
 *
 * <p>Both V2 encodings are read: the plain one agents send (no inflating) and the compressed one of
 * older agents. A well-formed encoding is read straight from its counts (zig-zag LEB128 with runs
 * of zeros), so no counts array of the declared range is ever built: a 1 h range at 3 digits is
 * about 47,000 counters for a histogram of 1,000 values. Anything unusual (a shifted histogram, a
 * counter past the range, a short payload, counts that overflow) goes to HdrHistogram's own decoder
 * instead, so what is accepted and what is refused, and why, is the library's answer.
 *
 * <p>One instance per thread: it keeps its inflater and buffers.
 */
final class HdrDecoder {
  /** The protocol's limit for one encoded histogram. */
  static final int MAX_ENCODED_BYTES = 64 * 1024;

  /** Counters a declared range and precision may need: 8 MiB of longs, far above 3 digits. */
  static final long MAX_COUNTERS = 1L << 20;

  /** Inflated payloads above this take the library's path rather than grow the buffer. */
  private static final int MAX_PAYLOAD_BYTES = 1 << 20;

  private static final int RETAINED_PAYLOAD_BYTES = 64 * 1024;
  private static final int LAYOUTS_KEPT = 8;
  private static final int HEADER_BYTES = 40;

  /** The bytes are not a usable histogram; the message is short and safe to log. */
  static final class FormatException extends Exception {
    FormatException(String message) {
      super(message, null, false, false);
    }
  }

  private final Inflater inflater = new Inflater();
  private final byte[] input = new byte[MAX_ENCODED_BYTES];
  private final byte[] header = new byte[HEADER_BYTES];
  private byte[] payload = new byte[4096];
  private final List<HdrCounts> slots = new ArrayList<>();
  private long libraryDecodes;
  // The last few layouts decoded: agents' histograms grow their range as needed, so one agent
  // alone sends several highest values, each again and again.
  private final HdrLayout[] layouts = new HdrLayout[LAYOUTS_KEPT];
  private final long[] layoutKeys = new long[LAYOUTS_KEPT * 3];
  private int nextLayout;

  /**
   * Decodes {@code bytes} into this decoder's counts number {@code slot}, which stay valid until
   * that slot is used again.
   */
  HdrCounts decode(ByteString bytes, int slot) throws FormatException {
    return decode(bytes, slot, null, 0, 0);
  }

  /**
   * {@link #decode(ByteString, int)}, and when {@code spec} is not null the counters are bucketed
   * for it as they are read, placed as {@link HistogramDelta#of} would with the result's {@code
   * min} and {@code max}: the counts' {@link HdrCounts#bucketed} then holds them and no counter is
   * kept. Encodings that take the library's path keep their counters and are bucketed later.
   */
  HdrCounts decode(ByteString bytes, int slot, HistogramSpec spec, long min, long max)
      throws FormatException {
    while (slots.size() <= slot) {
      slots.add(new HdrCounts());
    }
    HdrCounts counts = slots.get(slot);
    int length = bytes.size();
    if (length > MAX_ENCODED_BYTES) {
      throw new FormatException(length + " bytes (limit " + MAX_ENCODED_BYTES + ")");
    }
    bytes.copyTo(input, 0);
    HdrEncoding.Kind kind = HdrEncoding.kind(ByteBuffer.wrap(input, 0, length));
    if (kind == null || length < 8) {
      throw new FormatException("not an HdrHistogram V2 encoding");
    }
    ByteBuffer h = header(kind, length);
    if (HdrEncoding.kind(h) != HdrEncoding.Kind.PLAIN) {
      throw new FormatException("not an HdrHistogram V2 encoding");
    }
    h.getInt();
    int payloadLength = h.getInt();
    int normalizingIndexOffset = h.getInt();
    int digits = h.getInt();
    long lowest = h.getLong();
    long highest = h.getLong();
    if (digits < 0 || digits > 5 || lowest < 1 || highest / 2 < lowest) {
      throw new FormatException("bad range or precision");
    }
    HdrLayout layout = layout(digits, lowest, highest);
    counts.reset(layout);
    if (normalizingIndexOffset != 0
        || !layout.representable()
        || !plausible(payloadLength, layout)
        || !readPayload(kind, length, payloadLength, layout, counts, spec, min, max)) {
      counts.reset(layout);
      decodeWithLibrary(bytes, counts);
    }
    return counts;
  }

  /**
   * The 40-byte header in front of the counts: in {@link #input} itself for the plain encoding;
   * inflated into {@link #header} for the compressed one, whose inflater goes on reading the
   * compressed bytes from {@link #input}.
   */
  private ByteBuffer header(HdrEncoding.Kind kind, int length) throws FormatException {
    if (kind == HdrEncoding.Kind.PLAIN) {
      if (length < HEADER_BYTES) {
        throw new FormatException("truncated");
      }
      return ByteBuffer.wrap(input, 0, HEADER_BYTES);
    }
    int compressedLength = ByteBuffer.wrap(input, 4, 4).getInt();
    if (compressedLength < 0 || compressedLength > length - 8) {
      throw new FormatException("truncated");
    }
    inflater.reset();
    inflater.setInput(input, 8, compressedLength);
    inflate(header, HEADER_BYTES);
    return ByteBuffer.wrap(header, 0, HEADER_BYTES);
  }

  /**
   * Reads the counts that follow the header, bucketing them for {@code spec} when it is not null;
   * false at the first thing the library might treat otherwise, leaving {@code counts} partly
   * filled.
   */
  private boolean readPayload(
      HdrEncoding.Kind kind,
      int length,
      int payloadLength,
      HdrLayout layout,
      HdrCounts counts,
      HistogramSpec spec,
      long min,
      long max)
      throws FormatException {
    byte[] buf;
    int start;
    if (kind == HdrEncoding.Kind.PLAIN) {
      if (payloadLength > length - HEADER_BYTES) {
        return false;
      }
      buf = input;
      start = HEADER_BYTES;
    } else {
      if (!inflatePayload(payloadLength)) {
        return false;
      }
      buf = payload;
      start = 0;
    }
    int end = start + payloadLength;
    return spec != null
        ? BucketingReader.read(buf, start, end, layout, spec, min, max, counts)
        : read(buf, start, end, layout, counts);
  }

  /** The layout of that range and precision; agents send the same one again and again. */
  private HdrLayout layout(int digits, long lowest, long highest) throws FormatException {
    for (int i = 0; i < LAYOUTS_KEPT; i++) {
      if (layouts[i] != null
          && layoutKeys[3 * i] == digits
          && layoutKeys[3 * i + 1] == lowest
          && layoutKeys[3 * i + 2] == highest) {
        return layouts[i];
      }
    }
    long needed = countersNeeded(digits, lowest, highest);
    if (needed > MAX_COUNTERS) {
      throw new FormatException(
          "range and precision need about " + needed + " counters (limit " + MAX_COUNTERS + ")");
    }
    HdrLayout layout = new HdrLayout(lowest, highest, digits);
    int slot = nextLayout;
    nextLayout = (nextLayout + 1) % LAYOUTS_KEPT;
    layouts[slot] = layout;
    layoutKeys[3 * slot] = digits;
    layoutKeys[3 * slot + 1] = lowest;
    layoutKeys[3 * slot + 2] = highest;
    return layout;
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

  /** A payload length the layout could have; HdrHistogram's own checks are looser. */
  private static boolean plausible(int payloadLength, HdrLayout layout) {
    return payloadLength >= 0
        && payloadLength <= MAX_PAYLOAD_BYTES
        && (long) payloadLength <= 8L * layout.countsLength();
  }

  /** Inflates the compressed encoding's payload into {@link #payload}; false if it is short. */
  private boolean inflatePayload(int payloadLength) throws FormatException {
    if (payload.length < payloadLength || payload.length > RETAINED_PAYLOAD_BYTES) {
      payload = new byte[Math.max(4096, payloadLength)];
    }
    return inflate(payload, payloadLength) >= payloadLength;
  }

  /**
   * Reads the counters in {@code buf[pos, end)} into {@code counts} as the library would fill its
   * array; false, leaving {@code counts} partly filled, at the first thing the library might treat
   * otherwise.
   */
  private static boolean read(byte[] buf, int pos, int end, HdrLayout layout, HdrCounts counts) {
    CounterWalk walk = new CounterWalk(buf, pos, end, layout.countsLength());
    while (walk.next()) {
      counts.add(layout.valueFromIndex(walk.counter()), walk.count());
    }
    if (walk.refused() || counts.overflow()) {
      return false;
    }
    counts.finish(counts.held(), walk.min(layout), walk.max(layout));
    return true;
  }

  /** How many encodings took the library's path; for tests. */
  long libraryDecodes() {
    return libraryDecodes;
  }

  private void decodeWithLibrary(ByteString bytes, HdrCounts counts) throws FormatException {
    libraryDecodes++;
    Histogram histogram;
    try {
      histogram = HdrEncoding.decode(ByteBuffer.wrap(bytes.toByteArray()));
    } catch (IllegalArgumentException e) {
      throw undecodable(e.getCause() != null ? e.getCause() : e);
    }
    try {
      // Iterating can throw too: counts whose sum wraps make the iterator run past its end.
      for (HistogramIterationValue v : histogram.recordedValues()) {
        counts.add(
            histogram.lowestEquivalentValue(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
      }
      counts.finish(histogram.getTotalCount(), histogram.getMinValue(), histogram.getMaxValue());
    } catch (RuntimeException e) {
      throw undecodable(e);
    }
  }

  /**
   * HdrHistogram reports bad input as whatever its parse tripped over: IllegalArgument,
   * ArrayIndexOutOfBounds, BufferUnderflow, NegativeArraySize, DataFormat and so on.
   */
  private static FormatException undecodable(Throwable e) {
    return new FormatException("undecodable (" + e.getClass().getSimpleName() + ")");
  }

  private int inflate(byte[] into, int n) throws FormatException {
    try {
      int got = inflater.inflate(into, 0, n);
      if (into == header && got < HEADER_BYTES) {
        throw new FormatException("truncated");
      }
      return got;
    } catch (DataFormatException e) {
      throw undecodable(e);
    }
  }
}
