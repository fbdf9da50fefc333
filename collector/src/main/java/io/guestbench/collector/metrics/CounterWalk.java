package io.guestbench.collector.metrics;

/**
 * Walks the non-empty counters of an HdrHistogram V2 payload (zig-zag LEB128 longs: a count, or a
 * negative run of empty counters), keeping the totals the library would report. It stops, {@link
 * #refused} then true, at the first thing the library might treat otherwise: a truncated value, a
 * run it would not skip, a counter past the range, counts whose sum overflows, a trailing run past
 * the end of the array. Both readers then leave the payload to the library.
 */
final class CounterWalk {
  private final byte[] buf;
  private final int end;
  private final int length;
  private int pos;
  private long index;
  private int counter;
  private long count;
  private long held;
  private boolean overflow;
  private boolean refused;
  private int lowestNonZero = -1;
  private int highest = -1;
  private boolean zeroRecorded;

  /** The payload in {@code buf[pos, end)}, for a layout of {@code length} counters. */
  CounterWalk(byte[] buf, int pos, int end, int length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
    this.length = length;
  }

  /** Moves to the next non-empty counter; false at the end or when refused. */
  boolean next() {
    while (pos < end) {
      long value = readZigZag();
      if (value < 0) {
        if (value == Long.MIN_VALUE || -value > Integer.MAX_VALUE) {
          refused = true;
          return false;
        }
        index += -value;
        continue;
      }
      if (index >= length) {
        refused = true;
        return false;
      }
      int i = (int) index++;
      if (value > 0) {
        counter = i;
        count = value;
        // Counts are not negative, so a sum past the long range goes negative before it could
        // wrap back: the sticky sign is the overflow test.
        held += value;
        overflow |= held < 0;
        zeroRecorded |= i == 0;
        lowestNonZero = lowestNonZero < 0 && i != 0 ? i : lowestNonZero;
        highest = i;
        return true;
      }
    }
    // The library sums past the long range silently, and looks at counters up to the end of a
    // trailing run of zeros even when it runs past its array.
    refused |= overflow || index > length;
    return false;
  }

  /** The current counter's index. */
  int counter() {
    return counter;
  }

  /** The current counter's count, positive. */
  long count() {
    return count;
  }

  /** After the walk: whether the library's decoder must judge the payload instead. */
  boolean refused() {
    return refused;
  }

  /** After an accepted walk: the sum of the counts. */
  long held() {
    return held;
  }

  /** After an accepted walk: the histogram's minimum as the library reports it. */
  long min(HdrLayout layout) {
    return zeroRecorded || held == 0
        ? 0
        : lowestNonZero < 0 ? Long.MAX_VALUE : layout.minNonZeroValue(lowestNonZero);
  }

  /** After an accepted walk: the histogram's maximum as the library reports it. */
  long max(HdrLayout layout) {
    return layout.maxValue(highest);
  }

  /** A zig-zag LEB128 long of at most 9 bytes, the ninth taking all 8 bits; truncated: MIN. */
  private long readZigZag() {
    long raw = buf[pos];
    if (raw >= 0) {
      pos++;
    } else {
      int next = multiByteEnd(buf, pos, end);
      if (next < 0) {
        pos = end;
        return Long.MIN_VALUE;
      }
      raw = multiByteValue(buf, pos, next);
      pos = next;
    }
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** The end of the multi-byte value at {@code pos}, at most 9 bytes; -1 if truncated. */
  static int multiByteEnd(byte[] buf, int pos, int end) {
    for (int n = 1; n <= 9; n++) {
      if (pos + n > end) {
        return -1;
      }
      if (n == 9 || buf[pos + n - 1] >= 0) {
        return pos + n;
      }
    }
    throw new AssertionError();
  }

  /** The raw (still zig-zag) LEB128 long in {@code buf[pos, next)}; the ninth byte takes 8 bits. */
  static long multiByteValue(byte[] buf, int pos, int next) {
    long raw = 0;
    for (int at = pos, shift = 0; at < next; at++, shift += 7) {
      raw |= (long) (buf[at] & (shift == 56 ? 0xff : 0x7f)) << shift;
    }
    return raw;
  }
}
