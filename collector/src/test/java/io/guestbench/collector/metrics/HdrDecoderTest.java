package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.guestbench.common.histogram.HdrEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decoder reads counts straight from the encoding; HdrHistogram's own decoder is the oracle.
 * Whatever the bytes, both must accept the same inputs and report the same counters, total, minimum
 * and maximum.
 */
class HdrDecoderTest {
  private final HdrDecoder decoder = new HdrDecoder();

  @Test
  void layoutMatchesTheLibrarysEquivalentValues() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      int digits = random.nextInt(6);
      long lowest = 1L << random.nextInt(20) | random.nextInt(3);
      long highest = Math.max(2 * lowest, lowest << (1 + random.nextInt(30)));
      Histogram library;
      try {
        library = new Histogram(lowest, highest, digits);
      } catch (IllegalArgumentException e) {
        assertThat(new HdrLayout(lowest, highest, digits).representable()).isFalse();
        continue;
      }
      HdrLayout layout = new HdrLayout(lowest, highest, digits);
      assertThat(layout.representable()).isTrue();
      for (int j = 0; j < 50; j++) {
        long v = random.nextLong(highest * 2);
        assertThat(layout.lowestEquivalentValue(v)).isEqualTo(library.lowestEquivalentValue(v));
        assertThat(layout.highestEquivalentValue(v)).isEqualTo(library.highestEquivalentValue(v));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(HdrEncoding.Kind.class)
  void readsAgentHistogramsWithoutTheLibrary(HdrEncoding.Kind kind) throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 300; i++) {
      Histogram h = new Histogram(3_600_000_000_000L, 3);
      long median = 1 + random.nextLong(10_000_000);
      int n = random.nextInt(3000);
      for (int j = 0; j < n; j++) {
        h.recordValue(Math.max(0, (long) (median * Math.exp(random.nextGaussian()))));
      }
      sameAsLibrary(encode(h, kind));
    }
    assertThat(decoder.libraryDecodes()).isZero();
  }

  @ParameterizedTest
  @EnumSource(HdrEncoding.Kind.class)
  void agreesWithTheLibraryOnOddPayloads(HdrEncoding.Kind kind) throws Exception {
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      sameAsLibrary(oddEncoding(random, kind));
    }
    assertThat(decoder.libraryDecodes())
        .as("odd payloads that took the library's path")
        .isPositive();
  }

  @ParameterizedTest
  @EnumSource(HdrEncoding.Kind.class)
  void bucketingWhileReadingRefusesAndTotalsExactlyAsStoringCountersDoes(HdrEncoding.Kind kind)
      throws Exception {
    HistogramSpec spec =
        new HistogramSpec("x_nanos", Families.RUNS, 1e9, Buckets.oneTwoFive(-6, 1));
    HdrDecoder other = new HdrDecoder();
    Random random = new Random(19);
    for (int i = 0; i < 20_000; i++) {
      ByteString bytes = ByteString.copyFrom(oddEncoding(random, kind));
      HdrCounts stored = null;
      HdrCounts bucketed = null;
      try {
        stored = decoder.decode(bytes, 0);
      } catch (HdrDecoder.FormatException e) {
        // compared below
      }
      try {
        bucketed = other.decode(bytes, 0, spec, 0, Long.MAX_VALUE);
      } catch (HdrDecoder.FormatException e) {
        // compared below
      }
      assertThat(bucketed == null).isEqualTo(stored == null);
      if (stored != null) {
        assertThat(bucketed.overflow()).isEqualTo(stored.overflow());
        assertThat(bucketed.held()).isEqualTo(stored.held());
        assertThat(bucketed.totalCount()).isEqualTo(stored.totalCount());
        assertThat(bucketed.min()).isEqualTo(stored.min());
        assertThat(bucketed.max()).isEqualTo(stored.max());
      }
    }
    assertThat(other.libraryDecodes()).isEqualTo(decoder.libraryDecodes()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(HdrEncoding.Kind.class)
  void agreesWithTheLibraryOnFlippedBytes(HdrEncoding.Kind kind) throws Exception {
    Random random = new Random(17);
    Histogram h = new Histogram(3_600_000_000_000L, 3);
    for (int j = 0; j < 1000; j++) {
      h.recordValue(1 + random.nextInt(5_000_000));
    }
    byte[] good = encode(h, kind);
    for (int i = 0; i < 5000; i++) {
      byte[] bytes = good.clone();
      for (int k = 0; k < 1 + random.nextInt(3); k++) {
        bytes[8 + random.nextInt(bytes.length - 8)] = (byte) random.nextInt();
      }
      sameAsLibrary(bytes);
    }
  }

  /** Found by the fuzzer: a unit magnitude near 62 bits overflowed a shift and looped forever. */
  @Test
  @org.junit.jupiter.api.Timeout(
      value = 10,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aRangeBeyondSixtyTwoBitsIsRefusedNotLoopedOn() throws Exception {
    for (int shift : new int[] {55, 58, 60, 62}) {
      byte[] bytes = rangeEncoding(2, 1L << shift, Long.MAX_VALUE);
      sameAsLibrary(bytes);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> decoder.decode(ByteString.copyFrom(bytes), 0))
          .isInstanceOf(HdrDecoder.FormatException.class);
    }
  }

  private static byte[] rangeEncoding(int digits, long lowest, long highest) {
    ByteBuffer header = ByteBuffer.allocate(41);
    header.putInt(0x1c849313).putInt(1).putInt(0).putInt(digits);
    header.putLong(lowest).putLong(highest).putDouble(1.0).put((byte) 2);
    Deflater deflater = new Deflater();
    deflater.setInput(header.array());
    deflater.finish();
    byte[] compressed = new byte[256];
    int n = deflater.deflate(compressed);
    deflater.end();
    return ByteBuffer.allocate(8 + n).putInt(0x1c849314).putInt(n).put(compressed, 0, n).array();
  }

  /** Both decoders on {@code bytes}: the same verdict, and the same counts when accepted. */
  private void sameAsLibrary(byte[] bytes) throws Exception {
    Histogram library;
    List<long[]> expected = new ArrayList<>();
    long held = 0;
    boolean overflow = false;
    try {
      library = HdrEncoding.decode(ByteBuffer.wrap(bytes));
      for (HistogramIterationValue v : library.recordedValues()) {
        long count = v.getCountAtValueIteratedTo();
        expected.add(new long[] {library.lowestEquivalentValue(v.getValueIteratedTo()), count});
        long sum = held + count;
        overflow |= ((held ^ sum) & (count ^ sum)) < 0; // as Math.addExact would throw
        held = sum;
      }
    } catch (Exception e) {
      library = null;
    }
    HdrCounts mine;
    String refusal = "";
    try {
      mine = decoder.decode(ByteString.copyFrom(bytes), 0);
    } catch (HdrDecoder.FormatException e) {
      mine = null;
      refusal = e.getMessage();
    }
    if (mine == null) {
      // The decoder also refuses ranges the library would accept but that need huge arrays.
      if (!refusal.contains("counters (limit")) {
        assertThat(library).as("refused: %s", refusal).isNull();
      }
      return;
    }
    assertThat(library).as("the library refuses what the decoder read").isNotNull();
    List<long[]> actual = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      actual.add(new long[] {mine.value(i), mine.count(i)});
    }
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(mine.overflow()).isEqualTo(overflow);
    if (!overflow) {
      assertThat(mine.held()).isEqualTo(held);
    }
    assertThat(mine.totalCount()).isEqualTo(library.getTotalCount());
    assertThat(mine.min()).isEqualTo(library.getMinValue());
    assertThat(mine.max()).isEqualTo(library.getMaxValue());
    long probe = library.getMaxValue() + 1;
    assertThat(mine.equivalent(probe, probe - 1))
        .isEqualTo(library.valuesAreEquivalent(probe, probe - 1));
  }

  private static byte[] encode(Histogram h, HdrEncoding.Kind kind) {
    return kind == HdrEncoding.Kind.PLAIN ? HdrEncoding.plain(h) : HdrEncoding.compressed(h);
  }

  /**
   * A V2 encoding with a hand-made payload: counts small and huge, runs of zeros short and past the
   * range, long stretches of one-byte values, Long.MIN_VALUE, a declared length shorter or longer
   * than the payload, a normalizing offset now and then.
   */
  private static byte[] oddEncoding(Random random, HdrEncoding.Kind kind) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    // Half are mostly one-byte values, which the bucketing reader takes eight at a time, up to and
    // past the end of the range.
    boolean oneByte = random.nextBoolean();
    int entries = oneByte ? random.nextInt(300) : random.nextInt(40);
    for (int i = 0; i < entries; i++) {
      long value =
          switch (oneByte && random.nextInt(50) != 0 ? 10 : random.nextInt(10)) {
            case 10 -> random.nextInt(4) == 0 ? -1 - random.nextInt(64) : random.nextInt(64);
            case 0 -> -random.nextInt(100_000); // a run of zeros, maybe past the range
            case 1 -> Long.MAX_VALUE - random.nextInt(3);
            case 2 -> Long.MIN_VALUE;
            case 3 -> -(1L + Integer.MAX_VALUE);
            case 4 -> 0;
            case 5, 6 -> -random.nextInt(2000);
            default -> random.nextInt(1000);
          };
      putZigZag(payload, value);
    }
    byte[] counts = payload.toByteArray();
    int declared =
        switch (random.nextInt(6)) {
          case 0 -> counts.length + random.nextInt(5);
          case 1 -> Math.max(0, counts.length - random.nextInt(5));
          case 2 -> -1;
          default -> counts.length;
        };
    int[] digitsChoice = {0, 1, 2, 3};
    ByteBuffer header = ByteBuffer.allocate(40 + counts.length);
    header.putInt(0x1c849313).putInt(declared).putInt(random.nextInt(20) == 0 ? 3 : 0);
    header.putInt(digitsChoice[random.nextInt(digitsChoice.length)]);
    long lowest = 1L << random.nextInt(4);
    header.putLong(lowest).putLong(lowest * (2 + random.nextInt(100_000))).putDouble(1.0);
    header.put(counts);
    if (kind == HdrEncoding.Kind.PLAIN) {
      return header.array();
    }
    Deflater deflater = new Deflater();
    deflater.setInput(header.array());
    deflater.finish();
    byte[] compressed = new byte[header.capacity() * 2 + 64];
    int n = deflater.deflate(compressed);
    deflater.end();
    return ByteBuffer.allocate(8 + n).putInt(0x1c849314).putInt(n).put(compressed, 0, n).array();
  }

  private static void putZigZag(ByteArrayOutputStream out, long value) {
    long v = (value << 1) ^ (value >> 63);
    for (int i = 0; i < 8; i++) {
      if ((v & ~0x7fL) == 0) {
        out.write((int) v);
        return;
      }
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
