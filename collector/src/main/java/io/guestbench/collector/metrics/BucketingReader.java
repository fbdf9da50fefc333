package io.guestbench.collector.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads an HdrHistogram payload's counters and buckets them for one histogram spec in the same
 * pass, without storing them: what {@link HdrDecoder} followed by {@link HistogramDelta#of} gives,
 * at a fraction of the cost. {@link CounterPlacer} says where counters go; HistogramBucketingTest
 * compares the two paths.
 *
 * <p>The values are zig-zag LEB128 longs: even, a count for the next counter; odd, a run of {@code
 * (raw >>> 1) + 1} empty counters. Counts and runs alternate at random, so the hot loop reads a
 * one-byte value without a branch on which it is, and compares the counter only with the end of the
 * current segment of counters that share their buckets. Most values take one byte (counts below 64,
 * runs of at most 64), so eight at a time are read as one long when they all do and stay within the
 * segment: their counts and counter steps summed across the bytes, with no branch per value.
 */
final class BucketingReader {
  /**
   * Below 2^40, the counts of a payload of at most a few million values cannot add up past the long
   * range, so the hot loop needs no overflow test; a larger one sends the payload through {@link
   * CounterWalk} at the end.
   */
  private static final long MAX_FAST_COUNT = 1L << 40;

  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long LANE_ONES = 0x0001000100010001L;
  private static final long LANE_HIGH_BIT = 0x8000L;
  private static final long LANE_HIGH_BITS = LANE_HIGH_BIT * LANE_ONES;

  private BucketingReader() {}

  /**
   * Reads the counters in {@code buf[pos, end)}; fills the totals of {@code counts} and its
   * bucketed delta. False at the first thing the library might treat otherwise, as {@link
   * HdrDecoder} does; then {@code counts} is left for the caller to reset.
   */
  static boolean read(
      byte[] buf,
      int pos,
      int end,
      HdrLayout layout,
      HistogramSpec spec,
      long min,
      long max,
      HdrCounts counts) {
    int start = pos;
    boolean large = false; // a count of 2^40 or more
    CounterPlacer placer = new CounterPlacer(spec, layout, min, max);
    int length = layout.countsLength();
    long index = 0; // the counter the next value starts at
    long raw = 0; // the last value read
    long run = 0; // counts of the current segment not yet handed to the placer
    long segmentLimit = 0; // the first counter past the current segment; 0 until the first counter
    while (pos < end) {
      if (pos <= end - Long.BYTES) {
        long word = (long) EIGHT_BYTES.get(buf, pos);
        if ((word & HIGH_BITS) == 0) {
          long runs = (word & LOW_BITS) * 0xFF; // 0xFF in each byte holding a run
          long halves = (word >>> 1) & 0x7F7F7F7F7F7F7F7FL;
          long stepBytes = (halves & runs) + LOW_BITS; // a run's length, a count's 1
          long countBytes = halves & ~runs;
          long steps = byteSum(stepBytes);
          if (index + steps <= segmentLimit) {
            run += byteSum(countBytes);
            index += steps;
            raw = word >>> 56;
            pos += Long.BYTES;
            continue;
          }
          // The word runs past the segment: the values before the first that starts past it
          // join the run, and that one goes to the placer.
          int k = firstStartingPast(stepBytes, segmentLimit - index);
          if (k == Long.BYTES) { // only a trailing run reaches past it
            run += byteSum(countBytes);
            index += steps;
            raw = word >>> 56;
            pos += Long.BYTES;
            continue;
          }
          int shift = k << 3;
          long before = (1L << shift) - 1;
          run += byteSum(countBytes & before);
          index += byteSum(stepBytes & before);
          if (index >= length) {
            return false; // a counter past the range
          }
          raw = (word >>> shift) & 0xFF;
          segmentLimit = placer.enter((int) index, (countBytes >>> shift) & 0xFF, run);
          if (segmentLimit < 0) {
            return false;
          }
          run = 0;
          index += (stepBytes >>> shift) & 0xFF;
          pos += k + 1;
          continue;
        }
      }
      // One value at a time, for up to eight bytes or until the next segment.
      for (int stop = Math.min(end, pos + Long.BYTES); pos < stop; ) {
        raw = buf[pos++];
        if (raw < 0) {
          int next = CounterWalk.multiByteEnd(buf, pos - 1, end);
          if (next < 0) {
            return false; // truncated
          }
          raw = CounterWalk.multiByteValue(buf, pos - 1, next);
          pos = next;
          if ((raw & 1) != 0 && raw >>> 1 >= Integer.MAX_VALUE) {
            return false; // a run the library would not skip
          }
          large |= (raw & 1) == 0 && raw >>> 1 >= MAX_FAST_COUNT;
        }
        long half = raw >>> 1;
        long runMask = -(raw & 1);
        long count = half & ~runMask;
        long i = index;
        index += ((half + 1) & runMask) | (1 & ~runMask);
        if (i >= segmentLimit) {
          if (i >= length) {
            return false; // a counter past the range, or a run that ends past it
          }
          segmentLimit = placer.enter((int) i, count, run);
          if (segmentLimit < 0) {
            return false;
          }
          run = 0;
          break; // a new segment: eight at a time again
        }
        run += count;
      }
    }
    // The library looks at counters up to the end of a trailing run of zeros even when it runs
    // past its array.
    if (index > length) {
      return false;
    }
    if (!placer.placedAny()) {
      counts.summarize(0, 0, layout.maxValue(-1), placer.delta());
      return true;
    }
    long highest = layout.maxValue((int) index - 1);
    if (large || (raw & 1) != 0 || raw == 0) {
      // Rare, hand-made: the sum may overflow, or the payload ends with empty counters (the
      // library's encoder stops at the highest non-empty one). Walk it again for the exact totals.
      CounterWalk walk = new CounterWalk(buf, start, end, length);
      while (walk.next()) {
        // totals only
      }
      if (walk.refused()) {
        return false;
      }
      highest = walk.max(layout);
    }
    placer.finish(run);
    counts.summarize(placer.held(), placer.lowest(), highest, placer.delta());
    return true;
  }

  /**
   * Which of eight one-byte values, given each one's counter step (at most 64), is the first to
   * start {@code gap} or more counters on; {@link Long#BYTES} when none does. The values' starts
   * are summed in 16-bit lanes, four at a time, and compared with the gap without a branch.
   */
  static int firstStartingPast(long stepBytes, long gap) {
    long low = lanes(stepBytes);
    long high = lanes(stepBytes >>> 32);
    long lowSums = low * LANE_ONES; // each lane: the steps up to and including its value
    long highStarts = high * LANE_ONES - high + (lowSums >>> 48) * LANE_ONES;
    // Starts are below 512; the bias sets a lane's high bit when its start is at least the gap.
    long bias = (LANE_HIGH_BIT - Math.clamp(gap, 0, 1024)) * LANE_ONES;
    long lowPast = (lowSums - low + bias) & LANE_HIGH_BITS;
    long highPast = (highStarts + bias) & LANE_HIGH_BITS;
    // Starts ascend, so the values past the gap are the last ones.
    return Long.BYTES - Long.bitCount(lowPast) - Long.bitCount(highPast);
  }

  /** The low four bytes of {@code bytes} as four 16-bit lanes, in order. */
  private static long lanes(long bytes) {
    long x = bytes & 0xFFFFFFFFL;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
    return (x | (x << 8)) & 0x00FF00FF00FF00FFL;
  }

  /** The sum of the eight bytes of {@code bytes}, each at most 64. */
  private static long byteSum(long bytes) {
    long pairs = (bytes & 0x00FF00FF00FF00FFL) + ((bytes >>> 8) & 0x00FF00FF00FF00FFL);
    return (pairs * 0x0001000100010001L) >>> 48;
  }
}
