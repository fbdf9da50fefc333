package io.guestbench.common.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HdrEncodingTest {
  private final Histogram histogram = new Histogram(3);

  HdrEncodingTest() {
    for (long v = 1; v < 5_000_000; v += 1 + v / 7) {
      histogram.recordValueWithCount(v, 1 + v % 13);
    }
  }

  @Test
  void bothEncodingsRoundTripAndAreToldApartByTheirCookie() {
    byte[] plain = HdrEncoding.plain(histogram);
    byte[] compressed = HdrEncoding.compressed(histogram);

    assertThat(HdrEncoding.kind(ByteBuffer.wrap(plain))).isEqualTo(HdrEncoding.Kind.PLAIN);
    assertThat(HdrEncoding.kind(ByteBuffer.wrap(compressed)))
        .isEqualTo(HdrEncoding.Kind.COMPRESSED);
    assertThat(HdrEncoding.decode(ByteBuffer.wrap(plain))).isEqualTo(histogram);
    assertThat(HdrEncoding.decode(ByteBuffer.wrap(compressed))).isEqualTo(histogram);
    assertThat(HdrEncoding.decode(ByteBuffer.wrap(plain).asReadOnlyBuffer())).isEqualTo(histogram);
  }

  @Test
  void otherBytesAreRefusedWithAnIllegalArgument() {
    byte[] plain = HdrEncoding.plain(histogram);

    assertThat(HdrEncoding.kind(ByteBuffer.wrap(new byte[] {1, 2, 3}))).isNull();
    assertThatThrownBy(() -> HdrEncoding.decode(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an HdrHistogram");
    assertThatThrownBy(
            () -> HdrEncoding.decode(ByteBuffer.wrap(Arrays.copyOf(plain, plain.length / 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("undecodable");
  }
}
