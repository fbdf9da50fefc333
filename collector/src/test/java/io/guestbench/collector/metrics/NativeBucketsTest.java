package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import org.junit.jupiter.api.Test;

class NativeBucketsTest {

  @Test
  void powersOfTwoAreTheUpperBoundsOfEveryEighthBucket() {
    // Bucket i holds (2^((i-1)/8), 2^(i/8)]: 2^k is the upper bound of bucket 8k.
    for (int k = -30; k <= 30; k++) {
      assertThat(NativeBuckets.index(Math.scalb(1.0, k))).as("2^%d", k).isEqualTo(8 * k);
      assertThat(NativeBuckets.index(Math.nextUp(Math.scalb(1.0, k)))).isEqualTo(8 * k + 1);
      assertThat(NativeBuckets.index(Math.nextDown(Math.scalb(1.0, k)))).isEqualTo(8 * k);
    }
  }

  @Test
  void matchesTheDefinitionAwayFromBoundaries() {
    double[] values = {1e-9, 1e-6, 2.5e-6, 1.5, 3, 1000, 0.999936e-3, 7.77e9};
    for (double v : values) {
      int i = NativeBuckets.index(v);
      assertThat(v).as("bucket %d", i).isGreaterThan(NativeBuckets.upperBound(i - 1));
      assertThat(v).isLessThanOrEqualTo(NativeBuckets.upperBound(i));
    }
    assertThat(NativeBuckets.index(1.5)).isEqualTo(5);
    assertThat(NativeBuckets.index(1e-6)).isEqualTo(-159);
  }

  @Test
  void fractionBoundsAreTheEighthRootsOfTwoHalved() {
    double[] bounds = NativeBuckets.fractionBounds();
    assertThat(bounds).hasSize(1 << NativeBuckets.SCHEMA);
    for (int i = 0; i < bounds.length; i++) {
      double exact = Math.pow(2, i / 8.0) / 2;
      assertThat(bounds[i]).isCloseTo(exact, org.assertj.core.data.Offset.offset(Math.ulp(exact)));
    }
  }

  @Test
  void refusesValuesWithoutABucket() {
    for (double v : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE}) {
      assertThatIllegalArgumentException().isThrownBy(() -> NativeBuckets.index(v));
    }
  }

  @Test
  void countsGrowBothWaysAndSnapshotOnlyNonEmptyBuckets() {
    NativeCounts counts = new NativeCounts();
    counts.add(5, 1);
    counts.add(-3, 2);
    counts.add(9, 4);
    counts.add(5, 1);
    NativeHistogramBuckets buckets = counts.snapshot();
    assertThat(buckets.size()).isEqualTo(3);
    assertThat(buckets.stream().map(b -> b.getBucketIndex() + ":" + b.getCount()))
        .containsExactly("-3:2", "5:2", "9:4");
  }
}
