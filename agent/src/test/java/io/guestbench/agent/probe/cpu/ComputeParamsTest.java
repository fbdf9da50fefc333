package io.guestbench.agent.probe.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.ParamReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputeParamsTest {

  @Test
  void emptyParamsAreTheDefaults() {
    ParamReader reader = new ParamReader(Map.of());

    ComputeParams params = ComputeParams.read(reader);

    assertThat(reader.problems()).isEmpty();
    assertThat(params)
        .isEqualTo(new ComputeParams(Kernel.INT, Duration.ofSeconds(1), 30, 2_000_000));
    assertThat(params.asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "kernel",
                "int",
                "warmup",
                "1s",
                "iterations",
                "30",
                "ops_per_iteration",
                "2000000"));
  }

  @Test
  void readsGoodValues() {
    Map<String, String> raw =
        Map.of(
            "kernel", "fp", "warmup", "250ms", "iterations", "100000", "ops_per_iteration", "1000");

    ParamReader reader = new ParamReader(raw);
    ComputeParams params = ComputeParams.read(reader);

    assertThat(reader.problems()).isEmpty();
    assertThat(params)
        .isEqualTo(new ComputeParams(Kernel.FP, Duration.ofMillis(250), 100_000, 1000));
    assertThat(params.asMap()).isEqualTo(raw);
  }

  @Test
  void eachBadValueIsOneProblemLine() {
    assertThat(problems("kernel", "simd")).containsExactly("kernel: simd (expected: int or fp)");
    assertThat(problems("warmup", "2")).containsExactly("warmup: 2 (expected: 0s..1m)");
    assertThat(problems("warmup", "61s")).containsExactly("warmup: 61s (expected: 0s..1m)");
    assertThat(problems("iterations", "0")).containsExactly("iterations: 0 (expected: 1..100000)");
    assertThat(problems("iterations", "100001"))
        .containsExactly("iterations: 100001 (expected: 1..100000)");
    assertThat(problems("iterations", "ten"))
        .containsExactly("iterations: ten (expected: 1..100000)");
    assertThat(problems("ops_per_iteration", "999"))
        .containsExactly("ops_per_iteration: 999 (expected: 1000..10000000000)");
    assertThat(problems("ops_per_iteration", "10000000001"))
        .containsExactly("ops_per_iteration: 10000000001 (expected: 1000..10000000000)");
  }

  @Test
  void unknownKeysAreProblemsAndAllProblemsAreListed() {
    ParamReader reader =
        new ParamReader(
            Map.of("colour", "red", "kernel", "x", "iterations", "-1", "bogus", "a\nb"));
    ComputeParams.read(reader);

    assertThat(reader.problems())
        .containsExactly(
            "kernel: x (expected: int or fp)",
            "iterations: -1 (expected: 1..100000)",
            "bogus: a?b (expected: one of the keys kernel, warmup, iterations, ops_per_iteration)",
            "colour: red (expected: one of the keys kernel, warmup, iterations, ops_per_iteration)");
  }

  @Test
  void longValuesAreShortenedInMessages() {
    assertThat(problems("kernel", "x".repeat(500)))
        .singleElement()
        .satisfies(p -> assertThat(p).hasSizeLessThan(100).contains("x..."));
  }

  private static List<String> problems(String key, String value) {
    ParamReader reader = new ParamReader(Map.of(key, value));
    ComputeParams.read(reader);
    return reader.problems();
  }
}
