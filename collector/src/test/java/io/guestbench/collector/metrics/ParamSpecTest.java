package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParamSpecTest {
  @Test
  void remembersMatchesButAnswersAsThePatternDoesBeyondWhatItRemembers() {
    ParamSpec size = ParamSpec.setting("size", "[0-9]{1,6}");
    for (int round = 0; round < 2; round++) {
      for (int v = 0; v < 1000; v++) {
        assertThat(size.accepts(Integer.toString(v))).isTrue();
        assertThat(size.accepts("x" + v)).isFalse();
      }
    }
    assertThat(size.accepts("1234567")).isFalse();
    assertThat(size.accepts("9".repeat(200))).isFalse();
  }
}
