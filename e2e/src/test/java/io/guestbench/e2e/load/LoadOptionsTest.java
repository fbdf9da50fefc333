package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {
  @Test
  void readsFlagsOverDefaults() {
    LoadOptions o =
        LoadOptions.parse(
            "--grpc-port", "7070", "--http-port", "9464", "--pid", "42", "--agents", "100");
    assertThat(o.agents()).isEqualTo(100);
    assertThat(o.batch()).isEqualTo(50);
    assertThat(o.rate()).isZero();
    assertThat(o.histogramDigits()).isEqualTo(3);
    assertThat(o.timeline()).isEmpty();
    assertThat(o.ramp()).isZero();
  }

  @Test
  void aRampNeedsAnOfferedRateAndFitsInTheWarmUp() {
    String[] ports = {"--grpc-port", "7070", "--http-port", "9464", "--pid", "42"};
    assertThat(
            LoadOptions.parse(with(ports, "--rate", "1000", "--warmup", "60", "--ramp", "30"))
                .ramp())
        .isEqualTo(30);
    assertThatThrownBy(
            () ->
                LoadOptions.parse(with(ports, "--rate", "1000", "--warmup", "10", "--ramp", "30")))
        .hasMessageContaining("--ramp 30: longer than --warmup 10");
    assertThatThrownBy(() -> LoadOptions.parse(with(ports, "--warmup", "60", "--ramp", "30")))
        .hasMessageContaining("--ramp needs --rate");
  }

  private static String[] with(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void listsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                LoadOptions.parse(
                    "--grpc-port",
                    "x",
                    "--http-port",
                    "1",
                    "--pid",
                    "1",
                    "--agnts",
                    "5",
                    "--window",
                    "0",
                    "--histogram-digits",
                    "4"))
        .hasMessageContaining("--grpc-port: x (expected: a whole number 1..65535)")
        .hasMessageContaining("--agnts: unknown")
        .hasMessageContaining("--window: 0 (expected: a whole number 1..1000)")
        .hasMessageContaining("--histogram-digits: 4 (expected: a whole number 1..3)");
  }
}
