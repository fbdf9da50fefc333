package io.guestbench.agent.probe.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestbench.agent.probe.ParamReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodParamsTest {
  @Test
  void defaultsAsTheyGoIntoAResult() {
    assertThat(MethodParams.DEFAULTS.asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "warmup", "300ms",
                "repetition", "200ms",
                "min_repetitions", "3",
                "max_repetitions", "10",
                "cov_percent", "3.5"));
  }

  @Test
  void readsEveryKey() {
    ParamReader reader =
        new ParamReader(
            Map.of(
                "warmup", "1s",
                "repetition", "50ms",
                "min_repetitions", "2",
                "max_repetitions", "4",
                "cov_percent", "10"));

    MethodParams p = MethodParams.read(reader, MethodParams.DEFAULTS);

    assertThat(reader.problems()).isEmpty();
    assertThat(p)
        .isEqualTo(new MethodParams(Duration.ofSeconds(1), Duration.ofMillis(50), 2, 4, 10));
    assertThat(p.asMap()).containsEntry("cov_percent", "10");
  }

  @Test
  void everyBadValueIsReportedAndReadsAsTheDefault() {
    ParamReader reader =
        new ParamReader(
            Map.of(
                "warmup", "2m",
                "repetition", "0s",
                "min_repetitions", "1",
                "cov_percent", "1e3",
                "ops", "5"));

    MethodParams p = MethodParams.read(reader, MethodParams.DEFAULTS);

    assertThat(p).isEqualTo(MethodParams.DEFAULTS);
    assertThat(reader.problems())
        .containsExactly(
            "warmup: 2m (expected: 0s..1m)",
            "repetition: 0s (expected: 1ms..1m)",
            "min_repetitions: 1 (expected: 2..1000)",
            "cov_percent: 1e3 (expected: 0.1..100.0)",
            "ops: 5 (expected: one of the keys warmup, repetition, min_repetitions,"
                + " max_repetitions, cov_percent)");
  }

  @Test
  void theCapMustNotBeBelowTheMinimum() {
    ParamReader reader = new ParamReader(Map.of("min_repetitions", "5", "max_repetitions", "4"));

    MethodParams p = MethodParams.read(reader, MethodParams.DEFAULTS);

    assertThat(reader.problems())
        .containsExactly("max_repetitions: 4 (expected: at least min_repetitions, 5)");
    assertThat(p.maxRepetitions()).isEqualTo(5);

    ParamReader onlyMin = new ParamReader(Map.of("min_repetitions", "20"));
    MethodParams.read(onlyMin, MethodParams.DEFAULTS);
    assertThat(onlyMin.problems())
        .containsExactly("min_repetitions: 20 (expected: at most max_repetitions, 10)");
  }

  @Test
  void theRecordRefusesWhatTheReaderWouldNotProduce() {
    assertThatThrownBy(() -> new MethodParams(Duration.ZERO, Duration.ZERO, 3, 10, 3.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MethodParams(Duration.ZERO, Duration.ofMillis(1), 3, 10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
