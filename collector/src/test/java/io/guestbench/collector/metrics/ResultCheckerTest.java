package io.guestbench.collector.metrics;

import static io.guestbench.collector.metrics.TestResults.compute;
import static io.guestbench.collector.metrics.TestResults.distribution;
import static io.guestbench.collector.metrics.TestResults.failedCompute;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.guestbench.collector.metrics.Problem.Reason;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCheckerTest {
  private final ResultChecker checker = new ResultChecker(Catalogue.standard());

  @Test
  void anOkResultAndTheAgentsFailedResultsPass() {
    assertThat(checker.check(compute("int", 1e9, 2_000_000, 2_100_000).build())).isEmpty();
    assertThat(checker.check(compute("fp", 1e9).build())).isEmpty();
    for (RunStatus status : List.of(RunStatus.RUN_STATUS_ERROR, RunStatus.RUN_STATUS_SKIPPED)) {
      assertThat(checker.check(failedCompute(status).build())).isEmpty();
    }
  }

  @Test
  void unknownProbe() {
    assertThat(reasons(compute("int", 1).setName("fio"))).containsExactly(Reason.UNKNOWN_PROBE);
    assertThat(reasons(compute("int", 1).setKind(ProbeKind.PROBE_KIND_DISK)))
        .containsExactly(Reason.UNKNOWN_PROBE);
    ProbeResult unrecognised = compute("int", 1).setKindValue(99).build();
    assertThat(checker.check(unrecognised))
        .singleElement()
        .hasToString("unknown_probe: kind 99, name \"compute\"");
  }

  @Test
  void params() {
    assertThat(reasons(compute("int", 1).putParams("colour", "red")))
        .containsExactly(Reason.UNKNOWN_PARAM);
    assertThat(checker.check(compute("avx", 1).build()))
        .singleElement()
        .hasToString("bad_param_value: params.kernel: \"avx\" (expected: int|fp)");
    assertThat(reasons(compute("int", 1).putParams("iterations", "0")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(reasons(compute("int", 1).putParams("warmup", "1".repeat(200) + "s")))
        .containsExactly(Reason.BAD_PARAM_VALUE);
    assertThat(checker.check(compute("int", 1).removeParams("kernel").build()))
        .singleElement()
        .hasToString("bad_param_value: params.kernel: missing (expected: int|fp)");
    ProbeResult.Builder many = compute("int", 1);
    for (int i = 0; i < 13; i++) {
      many.putParams("p" + i, "x");
    }
    assertThat(reasons(many)).containsExactly(Reason.TOO_MANY_PARAMS);
  }

  @Test
  void scalars() {
    assertThat(reasons(compute("int", 1).addScalars(scalar("bogus", 1))))
        .containsExactly(Reason.UNKNOWN_VALUE);
    assertThat(reasons(compute("int", 1).addScalars(scalar("ops_per_second", 2))))
        .containsExactly(Reason.DUPLICATE_VALUE);
    assertThat(reasons(compute("int", Double.NaN))).containsExactly(Reason.NON_FINITE_VALUE);
    assertThat(reasons(compute("int", Double.POSITIVE_INFINITY)))
        .containsExactly(Reason.NON_FINITE_VALUE);
    assertThat(reasons(compute("int", -1))).containsExactly(Reason.NEGATIVE_VALUE);
  }

  @Test
  void distributionsByName() {
    assertThat(reasons(compute("int", 1).addDistributions(distribution("bogus", 5))))
        .containsExactly(Reason.UNKNOWN_VALUE);
    assertThat(reasons(compute("int", 1, 5).addDistributions(distribution("iteration_nanos", 5))))
        .containsExactly(Reason.DUPLICATE_VALUE);
    Distribution negative = distribution("iteration_nanos", 5).toBuilder().setMin(-1).build();
    assertThat(reasons(compute("int", 1).setDistributions(0, negative)))
        .containsExactly(Reason.NEGATIVE_VALUE);
  }

  @Test
  void runStatusTimeAndSteal() {
    assertThat(reasons(compute("int", 1).setStatus(RunStatus.RUN_STATUS_UNSPECIFIED)))
        .containsExactly(Reason.BAD_STATUS);
    assertThat(reasons(compute("int", 1).setStatusValue(42))).containsExactly(Reason.BAD_STATUS);
    assertThat(reasons(compute("int", 1).setEndTimeUnixNano(TestResults.START - 1)))
        .containsExactly(Reason.BAD_TIME);
    assertThat(reasons(compute("int", 1).setStartTimeUnixNano(0))).containsExactly(Reason.BAD_TIME);
    assertThat(reasons(compute("int", 1).setEndTimeUnixNano(-5))).containsExactly(Reason.BAD_TIME);
    assertThat(reasons(compute("int", 1).setStealRatio(Double.NaN)))
        .containsExactly(Reason.BAD_STEAL);
    assertThat(reasons(compute("int", 1).setStealRatio(1.5))).containsExactly(Reason.BAD_STEAL);
    assertThat(reasons(compute("int", 1).setStealRatio(1.0))).isEmpty();
    assertThat(reasons(compute("int", 1).setStealRatio(-1))).isEmpty();
  }

  @Test
  void keepsTheFirstFewProblemsOfAHostileResult() {
    ProbeResult.Builder r = compute("int", 1);
    for (int i = 0; i < 1000; i++) {
      r.addScalars(scalar("bogus" + i, 1));
      r.addDistributions(Distribution.newBuilder().setName("bogus" + i).setHdrHistogram(junk()));
    }
    assertThat(checker.check(r.build())).hasSize(Problems.MAX);
  }

  @Test
  void quotesInputSafely() {
    ProbeResult r = compute("int", 1).setName("a\nb\"c\\" + "x".repeat(100)).build();
    assertThat(checker.check(r).getFirst().detail())
        .isEqualTo("kind PROBE_KIND_CPU, name \"a?b?c?" + "x".repeat(58) + "...\"");
  }

  private List<Reason> reasons(ProbeResult.Builder r) {
    return checker.check(r.build()).stream().map(Problem::reason).toList();
  }

  private static Scalar scalar(String name, double value) {
    return Scalar.newBuilder().setName(name).setValue(value).build();
  }

  private static ByteString junk() {
    return ByteString.copyFromUtf8("not a histogram");
  }
}
