package io.guestbench.agent.probe.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.Distributions;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Distribution;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeProbeTest {
  private static final long WALL = 1_714_470_000_000_000_000L;

  private final ManualClock clock = new ManualClock(WALL);
  private final ComputeProbe probe =
      new ComputeProbe(clock, new StealSampler(HostFixtures.files("xen-hvm")));

  @Test
  void bothKernelsMeasureEveryIteration() throws InterruptedException {
    for (String kernel : List.of("int", "fp")) {
      ProbeResult r = probe.run(small(kernel, "10ms", 7));

      assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_OK);
      assertThat(r.getKind()).isEqualTo(ProbeKind.PROBE_KIND_CPU);
      assertThat(r.getName()).isEqualTo("compute");
      assertThat(r.getProbeVersion()).isEqualTo("1");
      assertThat(r.getRunId()).isEqualTo("run-" + kernel);
      assertThat(r.getStartTimeUnixNano()).isEqualTo(WALL);
      assertThat(r.getEndTimeUnixNano()).isEqualTo(WALL);
      assertThat(r.getScalarsList())
          .singleElement()
          .satisfies(s -> assertThat(s.getName()).isEqualTo("ops_per_second"))
          .satisfies(s -> assertThat(s.getValue()).isPositive().isFinite());
      Distribution d = r.getDistributions(0);
      assertThat(d.getName()).isEqualTo("iteration_nanos");
      assertThat(d.getCount()).isEqualTo(7);
      assertThat(Distributions.decode(d).getTotalCount()).isEqualTo(7);
      assertThat(r.getScalars(0).getValue()).isCloseTo(7 * 20_000 * 1e9 / d.getSum(), within(1e-3));
      assertThat(r.getParamsMap())
          .containsEntry("kernel", kernel)
          .containsEntry("warmup", "10ms")
          .containsEntry("iterations", "7")
          .containsEntry("ops_per_iteration", "20000")
          .containsKey(ComputeProbe.CHECKSUM);
    }
  }

  @Test
  void checksumProvesTheWorkWasDone() throws InterruptedException {
    String intSum = checksum(probe.run(small("int", "0s", 3)));
    String fpSum = checksum(probe.run(small("fp", "0s", 3)));

    assertThat(intSum).isNotEqualTo(fpSum);
    assertThat(checksum(probe.run(small("int", "10ms", 3)))).isEqualTo(intSum);
    assertThat(checksum(probe.run(small("int", "0s", 4)))).isNotEqualTo(intSum);
    double x = Double.longBitsToDouble(Long.parseUnsignedLong(fpSum, 16));
    assertThat(x).isStrictlyBetween(0.0, 1.0); // the logistic map neither escaped nor collapsed
  }

  @Test
  void defaultsAreFilledIntoTheResult() throws InterruptedException {
    ProbeResult r =
        probe.run(
            new ProbeRun("r", Map.of("warmup", "0s", "iterations", "1"), ProbeRun.Progress.NONE));

    assertThat(r.getParamsMap())
        .containsEntry("kernel", "int")
        .containsEntry("ops_per_iteration", Long.toString(ComputeParams.DEFAULT_OPS));
  }

  @Test
  void stealIsSampledAroundTheMeasuredPhase(@TempDir Path root) throws Exception {
    Path stat = Files.createDirectories(root.resolve("proc")).resolve("stat");
    Files.writeString(stat, "cpu 100 0 50 800 0 0 0 50 0 0\n");
    ComputeProbe onFixture = new ComputeProbe(clock, new StealSampler(new HostFiles(root)));
    List<String> progress = new ArrayList<>();
    ProbeRun.Progress swapStat =
        line -> {
          progress.add(line);
          if (line.contains("measuring")) {
            write(stat, "cpu 100 0 50 1150 0 0 0 100 0 0\n"); // +400 ticks, 50 of them stolen
          }
        };

    ProbeResult r = onFixture.run(new ProbeRun("r", small("int", "0s", 2).params(), swapStat));

    assertThat(r.getStealRatio()).isCloseTo(0.125, within(1e-12));
    assertThat(progress).hasSize(3);
  }

  @Test
  void unreadableStealIsNegativeButTheRunSucceeds(@TempDir Path empty) throws Exception {
    ComputeProbe noProc = new ComputeProbe(clock, new StealSampler(new HostFiles(empty)));

    ProbeResult r = noProc.run(small("fp", "0s", 2));

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getStealRatio()).isEqualTo(-1);
  }

  @Test
  void interruptionPropagates() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> probe.run(small("int", "0s", 5)))
        .isInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void badParamsGiveAnErrorResultNotAnException() throws InterruptedException {
    assertThat(probe.check(Map.of("kernel", "vector")))
        .containsExactly("kernel: vector (expected: int or fp)");

    ProbeResult r =
        probe.run(new ProbeRun("r", Map.of("kernel", "vector"), ProbeRun.Progress.NONE));

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_ERROR);
    assertThat(r.getStatusMessage()).isEqualTo("kernel: vector (expected: int or fp)");
    assertThat(r.getStealRatio()).isEqualTo(-1);
  }

  @Test
  void guiceBuildsIt() {
    var injector =
        Guice.createInjector(
            binder -> {
              binder.bind(Clock.class).toInstance(clock);
              binder.bind(HostFiles.class).toInstance(HostFixtures.files("xen-hvm"));
            });

    assertThat(injector.getInstance(ComputeProbe.class).name()).isEqualTo("compute");
  }

  private static ProbeRun small(String kernel, String warmup, int iterations) {
    Map<String, String> params =
        Map.of(
            "kernel",
            kernel,
            "warmup",
            warmup,
            "iterations",
            Integer.toString(iterations),
            "ops_per_iteration",
            "20000");
    return new ProbeRun("run-" + kernel, params, ProbeRun.Progress.NONE);
  }

  private static String checksum(ProbeResult r) {
    return r.getParamsOrThrow(ComputeProbe.CHECKSUM);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
