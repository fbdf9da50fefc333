package io.guestbench.agent.probe;

import com.google.protobuf.ByteString;
import io.guestbench.common.histogram.HdrEncoding;
import io.guestbench.proto.v1.Distribution;
import org.HdrHistogram.Histogram;

/** Turns HdrHistograms into {@link Distribution} messages and back. */
public final class Distributions {
  /** The wire limit for one encoded histogram. */
  public static final int MAX_ENCODED_BYTES = 64 * 1024;

  /** Bounded relative error of 0.1%, the usual choice for latency. */
  static final int SIGNIFICANT_DIGITS = 3;

  private Distributions() {}

  /**
   * A histogram for durations in nanoseconds: 3 significant digits, sized to the largest value
   * recorded (it grows as needed). Its encoding then declares only the range it uses, so the
   * collector's decode allocates kilobytes, not the ~180 KB a fixed one-hour range costs.
   */
  public static Histogram newNanosHistogram() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  /**
   * A distribution message; count, sum, min and max are the exact figures tracked beside the
   * histogram, whose own are rounded to its precision. If the encoding would exceed {@link
   * #MAX_ENCODED_BYTES} the histogram is re-recorded with fewer significant digits.
   */
  public static Distribution of(
      String name, Histogram histogram, long count, long sum, long min, long max) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a distribution needs a name");
    }
    if (count != histogram.getTotalCount()) {
      throw new IllegalArgumentException(
          name + ": count " + count + " but the histogram holds " + histogram.getTotalCount());
    }
    if (count > 0 && (min < 0 || min > max)) {
      throw new IllegalArgumentException(name + ": min " + min + " max " + max);
    }
    return Distribution.newBuilder()
        .setName(name)
        .setCount(count)
        .setSum(sum)
        .setMin(count == 0 ? 0 : min)
        .setMax(count == 0 ? 0 : max)
        .setHdrHistogram(encodeWithin(histogram, MAX_ENCODED_BYTES))
        .build();
  }

  /** The histogram carried by a distribution message, in either encoding. */
  public static Histogram decode(Distribution distribution) {
    try {
      return HdrEncoding.decode(distribution.getHdrHistogram().asReadOnlyByteBuffer());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(distribution.getName() + ": bad histogram encoding", e);
    }
  }

  /**
   * The plain encoding, which the collector reads without inflating; the compressed one if the
   * plain one is over {@code limit}; then fewer significant digits, compressed, until it fits.
   */
  static ByteString encodeWithin(Histogram histogram, int limit) {
    ByteString encoded = ByteString.copyFrom(HdrEncoding.plain(histogram));
    if (encoded.size() > limit) {
      encoded = encode(histogram);
    }
    // One significant digit has at most a few hundred buckets, so this ends within the limit.
    for (int digits = SIGNIFICANT_DIGITS - 1; encoded.size() > limit && digits >= 1; digits--) {
      encoded = encode(withDigits(histogram, digits));
    }
    return encoded;
  }

  /** The compressed encoding. */
  static ByteString encode(Histogram histogram) {
    return ByteString.copyFrom(HdrEncoding.compressed(histogram));
  }

  private static Histogram withDigits(Histogram source, int digits) {
    Histogram coarser = new Histogram(source.getHighestTrackableValue(), digits);
    coarser.setAutoResize(true);
    source
        .recordedValues()
        .forEach(
            v ->
                coarser.recordValueWithCount(
                    v.getValueIteratedTo(), v.getCountAddedInThisIterationStep()));
    return coarser;
  }
}
