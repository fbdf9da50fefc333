package io.guestbench.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.common.histogram.HdrEncoding;
import io.guestbench.proto.v1.Distribution;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DistributionsTest {

  @Test
  void keepsExactStatsAndRoundTripsTheHistogram() {
    Samples samples = new Samples();
    long[] values = {3_000_001, 3_000_003, 2_999_999, 3_100_017, 45_000_000, 7};
    for (long v : values) {
      samples.record(v);
    }

    Distribution d = samples.toDistribution("iteration_nanos");
    Histogram decoded = Distributions.decode(d);

    assertThat(d.getName()).isEqualTo("iteration_nanos");
    assertThat(d.getCount()).isEqualTo(6);
    assertThat(d.getSum()).isEqualTo(57_100_027); // exact, unlike the histogram's mean * count
    assertThat(d.getMin()).isEqualTo(7);
    assertThat(d.getMax()).isEqualTo(45_000_000);
    assertThat(d.getHdrHistogram().size()).isLessThanOrEqualTo(Distributions.MAX_ENCODED_BYTES);
    assertThat(decoded.getTotalCount()).isEqualTo(6);
    assertThat(decoded.getNumberOfSignificantValueDigits()).isEqualTo(3);
    for (long v : values) {
      assertThat(decoded.getCountAtValue(v)).as("count at %d", v).isPositive();
    }
    assertThat(decoded.getValueAtPercentile(50)).isCloseTo(3_000_001, withinPermille(3_000_001));
  }

  @Test
  void samplesFromSeveralThreadsAddUpExactly() {
    Samples a = new Samples();
    Samples b = new Samples();
    a.record(10);
    a.record(30);
    b.record(5);
    b.record(7_000_000_000_000L); // beyond an hour: the target grows
    a.add(b);
    a.add(new Samples());

    Distribution d = a.toDistribution("x_nanos");
    assertThat(d.getCount()).isEqualTo(4);
    assertThat(d.getSum()).isEqualTo(7_000_000_000_045L);
    assertThat(d.getMin()).isEqualTo(5);
    assertThat(d.getMax()).isEqualTo(7_000_000_000_000L);
    assertThat(Distributions.decode(d).getTotalCount()).isEqualTo(4);
  }

  @Test
  void valuesBeyondAnHourStillRecord() {
    Samples samples = new Samples();
    samples.record(5L * 3_600_000_000_000L);

    Histogram decoded = Distributions.decode(samples.toDistribution("iteration_nanos"));

    assertThat(decoded.getMaxValue()).isGreaterThanOrEqualTo(5L * 3_600_000_000_000L);
  }

  @Test
  void emptyDistributionHasZeroStats() {
    Distribution d = new Samples().toDistribution("iteration_nanos");

    assertThat(d.getCount()).isZero();
    assertThat(d.getMin()).isZero();
    assertThat(d.getMax()).isZero();
    assertThat(Distributions.decode(d).getTotalCount()).isZero();
  }

  @Test
  void sendsThePlainEncodingWhichTheCollectorReadsWithoutInflating() {
    Histogram h = Distributions.newNanosHistogram();
    Random random = new Random(5);
    for (int i = 0; i < 1000; i++) {
      h.recordValue(1 + (long) (2_000_000 * Math.exp(0.5 * random.nextGaussian())));
    }
    Distribution d = Distributions.of("x_nanos", h, 1000, 0, 1, h.getMaxValue());

    assertThat(HdrEncoding.kind(d.getHdrHistogram().asReadOnlyByteBuffer()))
        .isEqualTo(HdrEncoding.Kind.PLAIN);
    assertThat(Distributions.decode(d)).isEqualTo(h);
  }

  @Test
  void aPlainEncodingOverTheLimitIsSentCompressedAtFullPrecision() {
    Histogram h = Distributions.newNanosHistogram();
    // Thousands of distinct buckets, each count several bytes plain but alike enough to deflate.
    for (long v = 1; v < 3_600_000_000_000L; v += 1 + v / 1000) {
      h.recordValueWithCount(v, 1_000_000_000L);
    }
    assertThat(HdrEncoding.plain(h).length).isGreaterThan(Distributions.MAX_ENCODED_BYTES);

    Distribution d = Distributions.of("x_nanos", h, h.getTotalCount(), 0, 1, h.getMaxValue());

    assertThat(HdrEncoding.kind(d.getHdrHistogram().asReadOnlyByteBuffer()))
        .isEqualTo(HdrEncoding.Kind.COMPRESSED);
    assertThat(d.getHdrHistogram().size()).isLessThanOrEqualTo(Distributions.MAX_ENCODED_BYTES);
    assertThat(Distributions.decode(d)).isEqualTo(h);
  }

  @Test
  void oversizedEncodingFallsBackToFewerDigits() {
    Histogram wide = Distributions.newNanosHistogram();
    Random random = new Random(42);
    // Every bucket holding a different, large count defeats both run-length and deflate.
    for (long v = 1; v < 3_600_000_000_000L; v += 1 + v / 1000) {
      wide.recordValueWithCount(v, 1 + (random.nextLong() >>> 20));
    }
    assertThat(Distributions.encode(wide).size()).isGreaterThan(Distributions.MAX_ENCODED_BYTES);

    Distribution d =
        Distributions.of("x_nanos", wide, wide.getTotalCount(), 0, 1, 3_600_000_000_000L);

    assertThat(d.getHdrHistogram().size()).isLessThanOrEqualTo(Distributions.MAX_ENCODED_BYTES);
    Histogram decoded = Distributions.decode(d);
    assertThat(decoded.getTotalCount()).isEqualTo(wide.getTotalCount());
    assertThat(decoded.getNumberOfSignificantValueDigits()).isLessThan(3);
  }

  @Test
  void rejectsCountsThatDisagreeWithTheHistogram() {
    Histogram h = Distributions.newNanosHistogram();
    h.recordValue(10);

    assertThatThrownBy(() -> Distributions.of("x_nanos", h, 2, 20, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count 2");
    assertThatThrownBy(() -> Distributions.of(" ", h, 1, 10, 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Samples().record(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Offset<Long> withinPermille(long value) {
    return Offset.offset(value / 1000 + 1);
  }
}
