package io.guestbench.agent.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeResults;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import io.guestbench.testing.ManualClock;
import io.guestbench.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A plan with {@code settle} stops once every probe's headline has settled, or at its cap. */
class PlanSettleTest {
  private static final Settling SETTLE = new Settling(5, 3.5, 5);

  private final ManualClock clock = new ManualClock(1_750_000_000_000_000_000L);
  private final ManualScheduler probeThread = new ManualScheduler(clock);
  private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
  private final List<String> progress = new CopyOnWriteArrayList<>();

  /** Runs a plan of one scripted probe; each value is one run's headline, with its steal. */
  private PlanRunner run(int rounds, double[][] valueAndSteal) {
    PlanRunner plan = plan(rounds, valueAndSteal);
    plan.start();
    probeThread.advance(Duration.ofMinutes(10));
    return plan;
  }

  private PlanRunner plan(int rounds, double[][] valueAndSteal) {
    Deque<double[]> script = new ArrayDeque<>(List.of(valueAndSteal));
    return new PlanRunner(
        new Plan(
            rounds,
            Duration.ofSeconds(1),
            List.of(new ProbeSpec("cpu.scripted", Map.of())),
            Optional.of(SETTLE)),
        new ProbeRunner(new ProbeCatalog(Set.of(new Scripted(script))), clock),
        new MemoryOutbox(1 << 20, clock),
        results::add,
        probeThread,
        progress::add,
        clock);
  }

  @Test
  void theFirstRoundWaitsForTheStartGate() {
    CompletableFuture<Void> facts = new CompletableFuture<>();
    PlanRunner plan = plan(3, steady(3, 100, 0));
    plan.startAfter(facts);
    plan.start();
    probeThread.advance(Duration.ofMinutes(10));
    assertThat(results).as("no probe while the host facts are measured").isEmpty();

    facts.complete(null);
    probeThread.advance(Duration.ofMinutes(10));
    assertThat(results).hasSize(3);
    assertThat(plan.planDone()).isDone();
  }

  @Test
  void stopsOnceFiveRunsAgreeWithinTheSpread() {
    PlanRunner plan = run(20, steady(12, 100, 1));

    assertThat(plan.planDone()).isDone();
    assertThat(results).hasSize(5);
    assertThat(progress).anyMatch(p -> p.startsWith("plan settled after 5 rounds"));
  }

  @Test
  void aSpreadThatStaysHighRunsToTheCap() {
    double[][] noisy = new double[12][];
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = new double[] {i % 2 == 0 ? 80 : 120, 0};
    }
    PlanRunner plan = run(8, noisy);

    assertThat(plan.planDone()).isDone();
    assertThat(results).hasSize(8);
    assertThat(progress).noneMatch(p -> p.startsWith("plan settled"));
  }

  @Test
  void runsWithStealAreMarkedAndDoNotCount() {
    double[][] script = steady(12, 100, 1);
    script[1] = new double[] {100, 0.2};
    script[3] = new double[] {100, 0.2};

    run(20, script);

    assertThat(results).hasSize(7);
    assertThat(progress)
        .filteredOn(p -> p.contains("of CPU time stolen; marked"))
        .hasSize(2)
        .first()
        .asString()
        .contains("20.0% of CPU time stolen");
  }

  @Test
  void headlineIsTheFirstRateOrTime() {
    ProbeResult r =
        ProbeResult.newBuilder()
            .addScalars(Scalar.newBuilder().setName("retransmitted_segments").setValue(3))
            .addScalars(Scalar.newBuilder().setName("bytes_received_per_second").setValue(9e8))
            .build();
    assertThat(SettleTracker.headline(r)).hasValue(9e8);
    assertThat(SettleTracker.cvPercent(List.of(1.0))).isNaN();
    assertThat(SettleTracker.cvPercent(List.of(90.0, 110.0)))
        .isCloseTo(14.14, org.assertj.core.api.Assertions.within(0.01));
  }

  private static double[][] steady(int n, double value, double wobblePercent) {
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new double[] {value * (1 + (i % 2 == 0 ? 1 : -1) * wobblePercent / 100), 0};
    }
    return out;
  }

  /** A cpu probe that reports the next scripted value and steal. */
  private static final class Scripted implements Probe {
    private final Deque<double[]> script;

    Scripted(Deque<double[]> script) {
      this.script = script;
    }

    @Override
    public ProbeKind kind() {
      return ProbeKind.PROBE_KIND_CPU;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public List<String> check(Map<String, String> params) {
      return new ArrayList<>();
    }

    @Override
    public ProbeResult run(ProbeRun run) {
      double[] next = script.removeFirst();
      return ProbeResults.started(this, run)
          .addScalars(Scalar.newBuilder().setName("ops_per_second").setValue(next[0]))
          .setStealRatio(next[1])
          .setStatus(RunStatus.RUN_STATUS_OK)
          .build();
    }
  }
}
