package io.guestbench.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamReaderTest {

  @Test
  void readsSizesTextAndPresence() {
    ParamReader r = new ParamReader(Map.of("bs", "4k", "dir", "/var/tmp"));

    assertThat(r.bytes("bs", 512, 512, 1 << 20)).isEqualTo(4096);
    assertThat(r.bytes("size", 1 << 20, 512, 1 << 30)).isEqualTo(1 << 20);
    assertThat(r.text("dir", "/tmp")).isEqualTo("/var/tmp");
    assertThat(r.has("dir")).isTrue();
    assertThat(r.has("other")).isFalse();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void nonsenseAndOutOfRangeSizesAreProblemsNamingTheRange() {
    ParamReader r = new ParamReader(Map.of("bs", "lots", "size", "99999999999999T", "x", "2G"));

    assertThat(r.bytes("bs", 4096, 512, 64 << 20)).isEqualTo(4096);
    r.bytes("size", 1 << 20, 512, 1L << 40);
    r.bytes("x", 1, 1, 1 << 30);

    assertThat(r.problems())
        .containsExactly(
            "bs: lots (expected: 512..64M)",
            "size: 99999999999999T (expected: 512..1T)",
            "x: 2G (expected: 1..1G)");
  }

  @Test
  void rejectionsSpanningKeysUseTheSameFormAndShowDefaults() {
    ParamReader r = new ParamReader(Map.of("iodepth", "32"));
    r.number("iodepth", 1, 1, 1024);
    r.reject("iodepth", "1 with engine sync");
    r.reject("engine", "aio");

    assertThat(r.problems())
        .containsExactly(
            "iodepth: 32 (expected: 1 with engine sync)", "engine: (default) (expected: aio)");
  }
}
