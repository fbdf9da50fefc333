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
          long steps = byteSum((halves & runs) + LOW_BITS); // a run's length, a count's 1
          if (index + steps <= segmentLimit) {
            run += byteSum(halves & ~runs);
            index += steps;
            raw = word >>> 56;
            pos += Long.BYTES;
            continue;
          }
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

  /** The sum of the eight bytes of {@code bytes}, each at most 64. */
  private static long byteSum(long bytes) {
    long pairs = (bytes & 0x00FF00FF00FF00FFL) + ((bytes >>> 8) & 0x00FF00FF00FF00FFL);
    return (pairs * 0x0001000100010001L) >>> 48;
  }
}
