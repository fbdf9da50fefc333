package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static io.guestbench.collector.metrics.TestResults.distribution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.google.protobuf.ByteString;
import io.guestbench.collector.metrics.Problem.Reason;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramCheckTest {
  private final ResultChecker checker = new ResultChecker(Catalogue.standard());
  private final Distribution valid = distribution("iteration_nanos", 1_000, 2_000_000, 2_100_000);

  @Test
  void figuresMustMatchTheHistogram() {
    assertThat(problems(valid)).isEmpty();
    assertThat(problems(valid.toBuilder().setCount(4).build()))
        .containsExactly(
            "bad_histogram: distributions.iteration_nanos: count 4 but the histogram" + " holds 3");
    assertThat(problems(valid.toBuilder().setMin(3_000_000).build()))
        .containsExactly(
            "bad_histogram: distributions.iteration_nanos: min 3000000 above max" + " 2100000");
    assertThat(reasons(valid.toBuilder().setMin(900).build()))
        .containsExactly(Reason.BAD_HISTOGRAM);
    assertThat(reasons(valid.toBuilder().setMax(3_000_000).build()))
        .containsExactly(Reason.BAD_HISTOGRAM);
    assertThat(reasons(valid.toBuilder().setSum(2_999).build()))
        .containsExactly(Reason.BAD_HISTOGRAM);
    assertThat(reasons(valid.toBuilder().setSum(7_000_000).build()))
        .containsExactly(Reason.BAD_HISTOGRAM);
    assertThat(reasons(distribution("iteration_nanos").toBuilder().setSum(5).build()))
        .containsExactly(Reason.BAD_HISTOGRAM);
  }

  @Test
  void refusesOversizedAndUndecodableBytes() {
    assertThat(problems(withBytes(ByteString.copyFrom(new byte[64 * 1024 + 1]))))
        .containsExactly(
            "bad_histogram: distributions.iteration_nanos.hdr_histogram: 65537 bytes (limit"
                + " 65536)");
    assertThat(reasons(withBytes(ByteString.EMPTY))).containsExactly(Reason.BAD_HISTOGRAM);
    assertThat(reasons(withBytes(ByteString.copyFromUtf8("garbage, not a histogram"))))
        .containsExactly(Reason.BAD_HISTOGRAM);
    ByteString bytes = valid.getHdrHistogram();
    assertThat(reasons(withBytes(bytes.substring(0, bytes.size() / 2))))
        .containsExactly(Reason.BAD_HISTOGRAM);
  }

  @Test
  void refusesCountsWhoseSumOverflows() {
    // Plain encoding, 1 to 2048 at 3 digits: two counters of 2^62 + 1 each.
    ByteBuffer plain = ByteBuffer.allocate(40 + 2 * 9);
    plain.putInt(0x1c849313).putInt(2 * 9).putInt(0).putInt(3).putLong(1).putLong(2048);
    plain.putDouble(1.0);
    for (int i = 0; i < 2; i++) {
      long zigZag = ((1L << 62) + 1) << 1;
      for (int b = 0; b < 8; b++, zigZag >>>= 7) {
        plain.put((byte) (zigZag & 0x7f | 0x80));
      }
      plain.put((byte) zigZag);
    }
    // The figures agree with the wrapped sum: only the overflow test can refuse it.
    Distribution overflowing =
        Distribution.newBuilder()
            .setName("iteration_nanos")
            .setCount(Long.MIN_VALUE + 2)
            .setMin(0)
            .setMax(1)
            .setSum((1L << 62) + 1)
            .setHdrHistogram(ByteString.copyFrom(plain.array()))
            .build();

    assertThat(reasons(overflowing)).containsExactly(Reason.BAD_HISTOGRAM);
  }

  @Test
  void refusesADeclaredRangeThatWouldNeedHugeArraysBeforeDecoding() {
    // Five digits from 1 to 2^62: HdrHistogram would allocate about 50 MB for 60 bytes.
    ByteString hostile = headerOnly(5, 1, Long.MAX_VALUE / 2);
    assertThat(problems(withBytes(hostile)))
        .singleElement()
        .asString()
        .contains("counters (limit 1048576)");
    assertThat(reasons(withBytes(headerOnly(7, 1, 1000)))).containsExactly(Reason.BAD_HISTOGRAM);
    assertThat(reasons(withBytes(headerOnly(3, 0, 1000)))).containsExactly(Reason.BAD_HISTOGRAM);
  }

  @Test
  void countersNeededIsAnUpperBoundOfHdrHistogramsOwnArray() {
    for (int digits = 0; digits <= 3; digits++) {
      for (long highest : new long[] {2, 1_000, 3_600_000_000_000L, Long.MAX_VALUE / 2}) {
        Histogram h = new Histogram(1, highest, digits);
        long counters = (h.getEstimatedFootprintInBytes() - 512) / 8;
        assertThat(HdrDecoder.countersNeeded(digits, 1, highest)).isGreaterThanOrEqualTo(counters);
      }
    }
  }

  @Test
  void neverThrowsOnGarbage() {
    Random random = new Random(20260501);
    byte[] good = valid.getHdrHistogram().toByteArray();
    for (int i = 0; i < 3000; i++) {
      byte[] bytes =
          switch (i % 3) {
            case 0 -> randomBytes(random, random.nextInt(200));
            case 1 -> flipSomeBytes(random, good.clone());
            default -> withValidOuterCookie(randomBytes(random, 8 + random.nextInt(100)));
          };
      Distribution d = valid.toBuilder().setHdrHistogram(ByteString.copyFrom(bytes)).build();
      assertThatNoException()
          .isThrownBy(() -> checker.check(compute("int", 1).setDistributions(0, d).build()));
      assertThatNoException().isThrownBy(() -> checker.check(parseOrEmpty(bytes)));
    }
  }

  private List<String> problems(Distribution d) {
    return checker.check(compute("int", 1).setDistributions(0, d).build()).stream()
        .map(Problem::toString)
        .toList();
  }

  private List<Reason> reasons(Distribution d) {
    return checker.check(compute("int", 1).setDistributions(0, d).build()).stream()
        .map(Problem::reason)
        .toList();
  }

  private Distribution withBytes(ByteString bytes) {
    return valid.toBuilder().setHdrHistogram(bytes).build();
  }

  /** A V2 encoding whose header declares the given precision and range, and no counts. */
  static ByteString headerOnly(int digits, long lowest, long highest) {
    ByteBuffer header = ByteBuffer.allocate(40);
    header.putInt(0x1c849313).putInt(0).putInt(0).putInt(digits);
    header.putLong(lowest).putLong(highest).putDouble(1.0);
    Deflater deflater = new Deflater();
    deflater.setInput(header.array());
    deflater.finish();
    byte[] compressed = new byte[256];
    int n = deflater.deflate(compressed);
    deflater.end();
    return ByteString.copyFrom(
        ByteBuffer.allocate(8 + n).putInt(0x1c849314).putInt(n).put(compressed, 0, n).array());
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] flipSomeBytes(Random random, byte[] bytes) {
    for (int j = 0; j < 1 + random.nextInt(4); j++) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
    }
    return bytes;
  }

  private static byte[] withValidOuterCookie(byte[] bytes) {
    ByteBuffer.wrap(bytes).putInt(0x1c849314).putInt(bytes.length - 8);
    return bytes;
  }

  private static ProbeResult parseOrEmpty(byte[] bytes) {
    try {
      return ProbeResult.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return ProbeResult.getDefaultInstance();
    }
  }
}
