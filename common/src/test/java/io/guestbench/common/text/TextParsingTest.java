package io.guestbench.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextParsingTest {

  @Test
  void parsesDurationsInEveryUnit() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("7us")).isEqualTo(Duration.ofNanos(7000));
    assertThat(Durations.parse(" 3NS ")).isEqualTo(Duration.ofNanos(3));
  }

  @Test
  void formatsDurationsShortestExact() {
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofNanos(1001))).isEqualTo("1001ns");
  }

  @Test
  void rejectsDurationsWithoutUnitOrWithFraction() {
    for (String bad : new String[] {"10", "1.5s", "-1s", "s", "", "10 parsecs"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected: a whole number");
    }
  }

  @Test
  void parsesBinaryAndDecimalSizes() {
    assertThat(ByteSizes.parse("4096")).isEqualTo(4096);
    assertThat(ByteSizes.parse("4k")).isEqualTo(4096);
    assertThat(ByteSizes.parse("4KiB")).isEqualTo(4096);
    assertThat(ByteSizes.parse("1M")).isEqualTo(1 << 20);
    assertThat(ByteSizes.parse("64MiB")).isEqualTo(64L << 20);
    assertThat(ByteSizes.parse("2GB")).isEqualTo(2_000_000_000L);
    assertThat(ByteSizes.parse("1T")).isEqualTo(1L << 40);
  }

  @Test
  void rejectsNonsenseSizes() {
    for (String bad : new String[] {"", "-4k", "4x", "B", "1.5M", "99999999999999T"}) {
      assertThatThrownBy(() -> ByteSizes.parse(bad)).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void formatsSizesInTheShortestExactForm() {
    assertThat(ByteSizes.format(4096)).isEqualTo("4k");
    assertThat(ByteSizes.format(1L << 30)).isEqualTo("1G");
    assertThat(ByteSizes.format(3L << 20)).isEqualTo("3M");
    assertThat(ByteSizes.format(1000)).isEqualTo("1000");
    assertThat(ByteSizes.format(0)).isEqualTo("0");
    for (long n : new long[] {512, 4096, 1536, 1L << 40, 5L << 40}) {
      assertThat(ByteSizes.parse(ByteSizes.format(n))).isEqualTo(n);
    }
  }
}
