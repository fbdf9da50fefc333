package io.guestbench.agent.probe;

import io.guestbench.proto.v1.Distribution;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Measurements recorded into an HdrHistogram with exact count, sum, min and max kept beside it,
 * because the histogram's own figures are rounded to its precision. Not thread-safe: one per
 * measuring thread.
 */
public final class Samples {
  private final Histogram histogram;
  private long count;
  private long sum;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  /** Records into a fresh {@link Distributions#newNanosHistogram()}. */
  public Samples() {
    this(Distributions.newNanosHistogram());
  }

  /** Records into {@code histogram}, which must be empty. */
  public Samples(Histogram histogram) {
    this.histogram = Objects.requireNonNull(histogram, "histogram");
    if (histogram.getTotalCount() != 0) {
      throw new IllegalArgumentException("the histogram already holds values");
    }
  }

  /** Records one non-negative measurement. */
  public void record(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative measurement " + value);
    }
    histogram.recordValue(value);
    count++;
    sum = Math.addExact(sum, value);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  /**
   * Adds everything {@code other} recorded, for example another thread's samples after it ended.
   */
  public void add(Samples other) {
    if (other.count == 0) {
      return;
    }
    histogram.add(other.histogram);
    count += other.count;
    sum = Math.addExact(sum, other.sum);
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public long count() {
    return count;
  }

  public long sum() {
    return sum;
  }

  /** The distribution message named {@code name}. */
  public Distribution toDistribution(String name) {
    return Distributions.of(name, histogram, count, sum, min, max);
  }
}
