package io.guestbench.agent.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.ship.MemoryOutbox;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunProbe;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.testing.ManualClock;
import io.guestbench.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The collector's commands on the agent: started at their time, cut off at their deadline, refused
 * with an error result when they make no sense, and never alongside another probe.
 */
class CommandRunnerTest {
  private static final long T0 = 1_750_000_000_000_000_000L;
  private static final long EPOCH = T0 / 1_000_000; // the memory outbox's epoch: its start in ms

  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler probeThread = new ManualScheduler(clock);
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger mostActive = new AtomicInteger();
  private final CountDownLatch stuckInterrupted = new CountDownLatch(1);
  private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
  private final PlanRunner plan = plan(List.of());

  @AfterEach
  void stop() {
    plan.stop(Duration.ofSeconds(1));
  }

  private PlanRunner plan(List<io.guestbench.agent.probe.ProbeSpec> probes) {
    ProbeCatalog catalog = new ProbeCatalog(Set.of(new FakeProbe("fast"), new FakeProbe("stuck")));
    return new PlanRunner(
        new Plan(1, Duration.ZERO, probes),
        new ProbeRunner(catalog, clock),
        new MemoryOutbox(1 << 20, clock),
        results::add,
        probeThread,
        ProbeRun.Progress.NONE,
        clock);
  }

  @Test
  void aCommandWaitsForItsStartTime() {
    plan.submit(command("c1", "fast", Map.of(), T0 + secs(5), T0 + secs(10)));
    probeThread.advance(Duration.ofSeconds(4));
    assertThat(results).isEmpty();
    probeThread.advance(Duration.ofSeconds(1));
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRunId()).isEqualTo("cmd-c1");
              assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_OK);
              assertThat(r.getStartTimeUnixNano()).isEqualTo(T0 + secs(5));
            });
  }

  @Test
  void aProbeStillRunningAtTheDeadlineIsStoppedAndReportedAsATimeout() throws Exception {
    plan.submit(command("c2", "stuck", Map.of(), 0, T0 + Duration.ofMillis(200).toNanos()));
    probeThread.runDue(); // waits out the 200 ms on the worker, then interrupts it
    assertThat(stuckInterrupted.getCount()).as("the probe was interrupted").isZero();
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getRunId()).isEqualTo("cmd-c2");
              assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_TIMEOUT);
              assertThat(r.getKind()).isEqualTo(ProbeKind.PROBE_KIND_CPU);
              assertThat(r.getStatusMessage())
                  .startsWith("not finished by its deadline, 200 ms after");
            });
  }

  @Test
  void aCommandThatCouldNotStartBeforeItsDeadlineIsATimeoutWithoutRunning() {
    probeThread.execute(() -> clock.advance(Duration.ofSeconds(5))); // a long plan probe
    plan.submit(command("c3", "fast", Map.of(), T0 + secs(1), T0 + secs(2)));
    probeThread.advance(Duration.ofSeconds(1));
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_TIMEOUT);
              assertThat(r.getStatusMessage())
                  .isEqualTo(
                      "not started by its deadline: the agent was running another probe until 3000 ms"
                          + " after it");
            });
    assertThat(mostActive).hasValue(0);
  }

  @Test
  void unknownProbesBadParamsAndNonsenseTimesAreErrorResults() {
    plan.submit(command("u", "nope", Map.of(), 0, 0));
    plan.submit(command("p", "fast", Map.of("colour", "blue"), 0, 0));
    plan.submit(command("t", "fast", Map.of(), T0 + secs(5), T0 + secs(5)));
    plan.submit(command("f", "fast", Map.of(), T0 + Duration.ofDays(2).toNanos(), 0));
    probeThread.runDue();
    assertThat(results)
        .extracting(ProbeResult::getRunId, ProbeResult::getStatus)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("cmd-u", RunStatus.RUN_STATUS_ERROR),
            org.assertj.core.groups.Tuple.tuple("cmd-p", RunStatus.RUN_STATUS_ERROR),
            org.assertj.core.groups.Tuple.tuple("cmd-t", RunStatus.RUN_STATUS_ERROR),
            org.assertj.core.groups.Tuple.tuple("cmd-f", RunStatus.RUN_STATUS_ERROR));
    assertThat(results.stream().map(ProbeResult::getStatusMessage))
        .anySatisfy(m -> assertThat(m).startsWith("probe: cpu.nope (expected: one of cpu.fast"))
        .anySatisfy(m -> assertThat(m).isEqualTo("colour: unknown parameter"))
        .anySatisfy(m -> assertThat(m).contains("is not after not_before_unix_nano"))
        .anySatisfy(m -> assertThat(m).contains("more than a day ahead"));
    assertThat(results)
        .filteredOn(r -> r.getRunId().equals("cmd-p"))
        .singleElement()
        .as("bad parameters of a known probe keep its family")
        .extracting(ProbeResult::getKind)
        .isEqualTo(ProbeKind.PROBE_KIND_CPU);
    assertThat(mostActive).hasValue(0);
  }

  @Test
  void aDueCommandRunsBetweenPlanProbesNeverAlongsideThem() {
    PlanRunner withProbes = plan(List.of(spec("fast"), spec("fast"), spec("fast")));
    withProbes.start();
    withProbes.submit(command("between", "fast", Map.of(), 0, T0 + secs(60)));
    probeThread.advance(Duration.ofSeconds(1));
    withProbes.stop(Duration.ofSeconds(1));
    assertThat(results)
        .extracting(ProbeResult::getRunId)
        .as("a command already due goes before the next plan probe")
        .containsExactly("cmd-between", EPOCH + "-1", EPOCH + "-2", EPOCH + "-3");
    assertThat(mostActive).as("never two probes at once").hasValue(1);
  }

  @Test
  void noPlanProbeStartsWhileACommandWaitsForItsSlot() {
    PlanRunner withProbes = plan(List.of(spec("fast"), spec("fast")));
    withProbes.submit(command("slot", "fast", Map.of(), T0 + secs(5), T0 + secs(20)));
    withProbes.start();
    probeThread.advance(Duration.ofSeconds(4));
    assertThat(results).as("the plan yields to the coming slot").isEmpty();
    probeThread.advance(Duration.ofSeconds(2));
    withProbes.stop(Duration.ofSeconds(1));
    assertThat(results)
        .extracting(ProbeResult::getRunId)
        .containsExactly("cmd-slot", EPOCH + "-1", EPOCH + "-2");
    assertThat(results.getFirst().getStatus()).isEqualTo(RunStatus.RUN_STATUS_OK);
  }

  @Test
  void aHoldKeepsPlanProbesOutOfTheSlotOfATestThisAgentServes() {
    PlanRunner withProbes = plan(List.of(spec("fast")));
    withProbes.submit(
        Command.newBuilder()
            .setCommandId("t-hold")
            .setNotBeforeUnixNano(T0 + secs(2))
            .setDeadlineUnixNano(T0 + secs(12))
            .setHold(io.guestbench.proto.v1.Hold.newBuilder().setReason("serving net.rr to b"))
            .build());
    withProbes.start();
    probeThread.advance(Duration.ofSeconds(11));
    assertThat(results).as("no plan probe before or during the hold").isEmpty();
    probeThread.advance(Duration.ofSeconds(2));
    withProbes.stop(Duration.ofSeconds(1));
    assertThat(results).extracting(ProbeResult::getRunId).containsExactly(EPOCH + "-1");
    assertThat(results.getFirst().getStartTimeUnixNano()).isGreaterThanOrEqualTo(T0 + secs(12));
  }

  @Test
  void aHoldWithoutAnEndOrTooLongIsIgnored() {
    PlanRunner withProbes = plan(List.of(spec("fast")));
    withProbes.submit(
        Command.newBuilder()
            .setCommandId("forever")
            .setHold(io.guestbench.proto.v1.Hold.getDefaultInstance())
            .build());
    withProbes.submit(
        Command.newBuilder()
            .setCommandId("long")
            .setDeadlineUnixNano(T0 + Duration.ofHours(2).toNanos())
            .setHold(io.guestbench.proto.v1.Hold.getDefaultInstance())
            .build());
    withProbes.start();
    probeThread.advance(Duration.ofSeconds(1));
    withProbes.stop(Duration.ofSeconds(1));
    assertThat(results).extracting(ProbeResult::getRunId).containsExactly(EPOCH + "-1");
  }

  private static io.guestbench.agent.probe.ProbeSpec spec(String name) {
    return new io.guestbench.agent.probe.ProbeSpec("cpu." + name, Map.of());
  }

  private static long secs(long n) {
    return Duration.ofSeconds(n).toNanos();
  }

  private static Command command(
      String id, String name, Map<String, String> params, long notBefore, long deadline) {
    return Command.newBuilder()
        .setCommandId(id)
        .setNotBeforeUnixNano(notBefore)
        .setDeadlineUnixNano(deadline)
        .setRunProbe(
            RunProbe.newBuilder()
                .setKind(ProbeKind.PROBE_KIND_CPU)
                .setName(name)
                .putAllParams(params))
        .build();
  }

  /** A leaf probe: "fast" answers at once, "stuck" waits until it is interrupted. */
  private final class FakeProbe implements Probe {
    private final String name;

    FakeProbe(String name) {
      this.name = name;
    }

    @Override
    public ProbeKind kind() {
      return ProbeKind.PROBE_KIND_CPU;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public List<String> check(Map<String, String> params) {
      return params.keySet().stream().map(k -> k + ": unknown parameter").toList();
    }

    @Override
    public ProbeResult run(ProbeRun run) throws InterruptedException {
      mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
      try {
        if (name.equals("stuck")) {
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            stuckInterrupted.countDown();
            throw e;
          }
        }
        return ProbeResult.newBuilder()
            .setRunId(run.runId())
            .setKind(kind())
            .setName(name)
            .setStartTimeUnixNano(clock.wallNanos())
            .setEndTimeUnixNano(clock.wallNanos())
            .setStatus(RunStatus.RUN_STATUS_OK)
            .build();
      } finally {
        active.decrementAndGet();
      }
    }
  }
}
