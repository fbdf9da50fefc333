package io.guestbench.agent.cli;

import io.guestbench.agent.probe.Distributions;
import io.guestbench.proto.v1.Distribution;
import org.HdrHistogram.Histogram;

/**
 * Percentiles and spread of a latency distribution: the histogram's, kept within the exact min and
 * max that travel beside it (a percentile is a bucket edge and can fall just outside them).
 */
final class Latency {
  private final Distribution d;
  private final Histogram h;

  Latency(Distribution d) {
    this.d = d;
    this.h = d.getCount() == 0 ? null : Distributions.decode(d);
  }

  long count() {
    return d.getCount();
  }

  long min() {
    return d.getMin();
  }

  long max() {
    return d.getMax();
  }

  double mean() {
    return d.getCount() == 0 ? 0 : (double) d.getSum() / d.getCount();
  }

  double stddev() {
    return h == null ? 0 : h.getStdDeviation();
  }

  /** The value at {@code percent} (0..100), 0 when empty. */
  long at(double percent) {
    if (h == null) {
      return 0;
    }
    return Math.max(d.getMin(), Math.min(d.getMax(), h.getValueAtPercentile(percent)));
  }
}
