package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.guestbench.common.histogram.HdrEncoding;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journals hold both encodings: results of older agents are compressed, newer ones plain. */
class ComparableValuesTest {
  private final ComparableValues values = ComparableValues.standard();

  @Test
  void quantilesComeOutTheSameFromEitherEncoding() {
    ProbeResult plain =
        TestResults.compute("int", 4.4e8, 4_400_000, 4_450_000, 4_500_000, 10_000_000).build();
    Distribution d = plain.getDistributions(0);
    ByteString compressed =
        ByteString.copyFrom(
            HdrEncoding.compressed(HdrEncoding.decode(d.getHdrHistogram().asReadOnlyByteBuffer())));
    ProbeResult older =
        plain.toBuilder().setDistributions(0, d.toBuilder().setHdrHistogram(compressed)).build();
    assertThat(HdrEncoding.kind(d.getHdrHistogram().asReadOnlyByteBuffer()))
        .isEqualTo(HdrEncoding.Kind.PLAIN);

    List<ComparableValues.Value> fromPlain = values.of(plain);
    List<ComparableValues.Value> fromCompressed = values.of(older);

    assertThat(fromPlain).isEqualTo(fromCompressed);
    assertThat(fromPlain)
        .extracting(ComparableValues.Value::metric)
        .contains(
            "guestbench_cpu_compute_iteration_seconds_p50",
            "guestbench_cpu_compute_iteration_seconds_p99");
  }
}
