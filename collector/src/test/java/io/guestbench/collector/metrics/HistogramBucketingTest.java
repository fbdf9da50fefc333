package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.guestbench.common.histogram.HdrEncoding;
import io.guestbench.proto.v1.Distribution;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cell looks a bucket up only when a value passes the current bucket's last recorded integer; the
 * oracle looks every value up on its own, as the cell once did. Both must give the same classic,
 * native and zero counts, whatever the unit, range and clamping.
 */
class HistogramBucketingTest {
  private final HdrDecoder decoder = new HdrDecoder();

  /** How the counters reach the buckets. */
  enum Path {
    /** Decoded into counters, then bucketed by {@link HistogramDelta#of}. */
    STORED_COUNTERS,
    /** Bucketed as they are read by {@link BucketingReader}, from the plain encoding. */
    BUCKETED_WHILE_READING_PLAIN,
    /** The same from the compressed encoding. */
    BUCKETED_WHILE_READING_COMPRESSED
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void bucketsEveryValueAsALookupPerValueWould(Path path) throws Exception {
    Random random = new Random(23);
    long[] lowests = {1, 1, 1, 2, 1000, 1024};
    double[] divisors = {1, 1e3, 1e6, 1e9, 3.7};
    for (int i = 0; i < 400; i++) {
      double divisor = divisors[i % divisors.length];
      HistogramSpec spec =
          new HistogramSpec("x_nanos", Families.RUNS, divisor, Buckets.oneTwoFive(-6, 1));
      long lowest = lowests[random.nextInt(lowests.length)];
      Histogram h = new Histogram(lowest, 3_600_000_000_000L, 1 + random.nextInt(3));
      h.setAutoResize(true);
      long median = 1 + random.nextLong(50_000_000);
      double sigma = random.nextDouble() * 3;
      for (int j = random.nextInt(2000); j > 0; j--) {
        h.recordValue(Math.max(0, (long) (median * Math.exp(sigma * random.nextGaussian()))));
      }
      if (random.nextInt(5) == 0) {
        h.recordValue(0);
      }
      if (h.getTotalCount() == 0) {
        continue;
      }
      // The result's exact min and max lie within their HdrHistogram buckets.
      long min = h.getMinValue() + random.nextLong(h.sizeOfEquivalentValueRange(h.getMinValue()));
      long max = h.lowestEquivalentValue(h.getMaxValue());
      max += random.nextLong(h.sizeOfEquivalentValueRange(max));
      max = Math.max(min, max);
      Distribution d = Distribution.newBuilder().setName("x_nanos").setMin(min).setMax(max).build();

      HistogramCell cell = new HistogramCell(Labels.EMPTY, spec);
      HdrCounts counts =
          switch (path) {
            case STORED_COUNTERS -> decoder.decode(encode(h), 0);
            case BUCKETED_WHILE_READING_PLAIN ->
                decoder.decode(ByteString.copyFrom(HdrEncoding.plain(h)), 0, spec, min, max);
            case BUCKETED_WHILE_READING_COMPRESSED -> decoder.decode(encode(h), 0, spec, min, max);
          };
      assertThat(counts.bucketed() != null).isEqualTo(path != Path.STORED_COUNTERS);
      cell.add(counts, d);
      HistogramDataPointSnapshot actual = (HistogramDataPointSnapshot) cell.point();

      long[] classic = new long[spec.classicBucketCount()];
      Map<Integer, Long> positive = new TreeMap<>();
      long zero = 0;
      for (HistogramIterationValue v : h.recordedValues()) {
        long recorded = Math.clamp(h.lowestEquivalentValue(v.getValueIteratedTo()), min, max);
        long count = v.getCountAtValueIteratedTo();
        double value = spec.toBaseUnit(recorded);
        classic[spec.classicIndex(value)] += count;
        if (recorded == 0) {
          zero += count;
        } else {
          positive.merge(NativeBuckets.index(value), count, Long::sum);
        }
      }
      ClassicHistogramBuckets buckets = actual.getClassicBuckets();
      long[] got = new long[buckets.size()];
      for (int b = 0; b < got.length; b++) {
        got[b] = buckets.getCount(b);
      }
      assertThat(got).as("classic, divisor %s", divisor).containsExactly(classic);
      assertThat(actual.getNativeZeroCount()).isEqualTo(zero);
      Map<Integer, Long> gotPositive = new TreeMap<>();
      NativeHistogramBuckets nb = actual.getNativeBucketsForPositiveValues();
      for (int b = 0; b < nb.size(); b++) {
        gotPositive.put(nb.getBucketIndex(b), nb.getCount(b));
      }
      assertThat(gotPositive).as("native, divisor %s", divisor).isEqualTo(positive);
    }
  }

  @Test
  void lastRecordedAtOrBelowIsTheLastIntegerOfTheBound() {
    Random random = new Random(29);
    for (double divisor : new double[] {1, 1e3, 1e9, 3.7}) {
      HistogramSpec spec = new HistogramSpec("x", Families.RUNS, divisor, new double[] {1});
      for (int i = 0; i < 2000; i++) {
        long from = random.nextLong(1L << random.nextInt(62));
        double bound = spec.toBaseUnit(from) * (1 + random.nextDouble() * random.nextDouble());
        long last = spec.lastRecordedAtOrBelow(bound, from);
        assertThat(spec.toBaseUnit(last)).isLessThanOrEqualTo(bound);
        if (last < Long.MAX_VALUE) {
          assertThat(spec.toBaseUnit(last + 1)).isGreaterThan(bound);
        }
      }
    }
  }

  @Test
  void theSpecsTablesHoldTheLastIntegerOfEachBucket() {
    for (double divisor : new double[] {1, 1e3, 1e9, 3.7, 1e12}) {
      HistogramSpec spec =
          new HistogramSpec("x", Families.RUNS, divisor, Buckets.oneTwoFive(-6, 1));
      for (int i = 0; i < spec.classicBucketCount(); i++) {
        assertLastAtOrBelow(spec, spec.classicUpperBound(i), spec.classicLastRecorded(i));
      }
      for (long recorded = 1; recorded > 0 && recorded < Long.MAX_VALUE / 3; recorded *= 3) {
        int index = NativeBuckets.index(spec.toBaseUnit(recorded));
        assertLastAtOrBelow(
            spec, NativeBuckets.exactUpperBound(index), spec.nativeLastRecorded(index));
      }
      int top = NativeBuckets.index(spec.toBaseUnit(Long.MAX_VALUE));
      assertThat(spec.nativeLastRecorded(top)).isEqualTo(Long.MAX_VALUE);
    }
  }

  private static void assertLastAtOrBelow(HistogramSpec spec, double bound, long last) {
    assertThat(spec.toBaseUnit(last)).isLessThanOrEqualTo(bound);
    if (last < Long.MAX_VALUE) {
      assertThat(spec.toBaseUnit(last + 1)).isGreaterThan(bound);
    }
  }

  @Test
  void exactUpperBoundsDelimitTheNativeBuckets() {
    Random random = new Random(31);
    for (int i = 0; i < 100_000; i++) {
      double v = Math.scalb(0.5 + random.nextDouble() / 2, random.nextInt(200) - 100);
      int index = NativeBuckets.index(v);
      assertThat(v).isLessThanOrEqualTo(NativeBuckets.exactUpperBound(index));
      assertThat(v).isGreaterThan(NativeBuckets.exactUpperBound(index - 1));
    }
    for (int index = -100; index < 100; index++) {
      assertThat(NativeBuckets.index(NativeBuckets.exactUpperBound(index))).isEqualTo(index);
    }
  }

  private static ByteString encode(Histogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity() + 64);
    int n = h.encodeIntoCompressedByteBuffer(buffer);
    return ByteString.copyFrom(buffer.array(), 0, n);
  }
}
