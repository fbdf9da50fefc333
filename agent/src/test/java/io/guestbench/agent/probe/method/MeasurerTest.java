package io.guestbench.agent.probe.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurerTest {
  /** No warm-up, 1 ms repetitions, 3 to 6 of them, stop at 3.5%. */
  private static final MethodParams QUICK =
      new MethodParams(Duration.ZERO, Duration.ofMillis(1), 3, 6, 3.5);

  @TempDir Path emptyHost;

  @Test
  void anExpensiveClockMakesBatchesOfManyOperations() throws Exception {
    FakeWork work = new FakeWork(600); // every read of the clock costs 600 ns: a syscall fallback

    Measurement m = measurer(work).measure(one(work.operation(100)), Figure.SINGLE, QUICK, none());

    assertThat(m.timer().costNanos()).isEqualTo(600);
    // 600 ns of clock is at most 1% of a batch: 600 operations of 100 ns.
    assertThat(m.main().unitsPerBatch()).isEqualTo(600);
    // Each batch also holds one read of the clock: 60,600 ns for 600 operations.
    assertThat(m.figureNanos()).isCloseTo(101, within(1e-9));
    assertThat(m.main().picosPerOp().toDistribution("x").getMin()).isEqualTo(101_000);
    assertThat(m.converged()).isTrue();
    assertThat(m.repetitions()).isEqualTo(3);
    assertThat(m.resultParams())
        .containsEntry("batch_ops", "600")
        .containsEntry("repetitions", "3")
        .containsEntry("converged", "true");
  }

  @Test
  void aFreeClockTimesLongOperationsOneByOne() throws Exception {
    FakeWork work = new FakeWork(0);

    Measurement m =
        measurer(work).measure(one(work.operation(50_000)), Figure.SINGLE, QUICK, none());

    assertThat(m.main().unitsPerBatch()).isEqualTo(1);
    // 1 ms repetitions of 50 us operations: 20 samples each, all exactly 50 us.
    assertThat(m.main().picosPerOp().count()).isEqualTo(60);
    assertThat(m.figureNanos()).isEqualTo(50_000);
    assertThat(m.cov()).isZero();
  }

  @Test
  void noisyRepetitionsRunToTheCap() throws Exception {
    FakeWork work = new FakeWork(0);
    // One 2 ms batch is one repetition; warm-up takes the first value.
    PrimitiveIterator.OfLong costs =
        LongStream.of(2_000_000, 2_000_000, 3_000_000, 1_500_000, 2_500_000, 1_000_000, 2_000_000)
            .iterator();

    Measurement m =
        measurer(work).measure(one(work.operation(costs::nextLong)), Figure.SINGLE, QUICK, none());

    assertThat(m.repetitions()).isEqualTo(6);
    assertThat(m.converged()).isFalse();
    assertThat(m.cov()).isGreaterThan(0.035);
    assertThat(m.main().picosPerOp().count()).isEqualTo(6);
  }

  @Test
  void aBaselineIsSubtractedFromItsOperation() throws Exception {
    FakeWork work = new FakeWork(0);
    List<Subject> pair =
        List.of(
            new Subject("call", work.operation(100_000)),
            new Subject("noop", work.operation(4_000)));

    Measurement m = measurer(work).measure(pair, Figure.NET_OF_BASELINE, QUICK, none());

    assertThat(m.figureNanos()).isEqualTo(96_000);
    assertThat(m.medianFigureNanos()).isEqualTo(96_000);
    assertThat(m.subjects()).extracting(Measured::name).containsExactly("call", "noop");
    assertThat(m.subjects().get(1).nanosPerOp()).isEqualTo(4_000);
  }

  @Test
  void progressNamesEachRepetition() throws Exception {
    FakeWork work = new FakeWork(0);
    StringBuilder lines = new StringBuilder();

    measurer(work)
        .measure(
            one(work.operation(50_000)), Figure.SINGLE, QUICK, l -> lines.append(l).append('\n'));

    assertThat(lines.toString())
        .contains("repetition 1, cov n/a")
        .contains("repetition 3, cov 0.00%");
  }

  @Test
  void anInterruptStopsTheMeasurement() {
    FakeWork work = new FakeWork(0);
    Thread.currentThread().interrupt();

    assertThatThrownBy(
            () -> measurer(work).measure(one(work.operation(100)), Figure.SINGLE, QUICK, none()))
        .isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).isFalse();
  }

  private Measurer measurer(FakeWork work) {
    return new Measurer(work, new StealSampler(new HostFiles(emptyHost)));
  }

  private static List<Subject> one(Operation op) {
    return List.of(new Subject("op", op));
  }

  private static ProbeRun.Progress none() {
    return ProbeRun.Progress.NONE;
  }
}
