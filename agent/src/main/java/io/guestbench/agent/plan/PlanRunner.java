package io.guestbench.agent.plan;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.ProbeResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the plan's rounds, and the collector's commands, one probe at a time on a single thread so
 * that no two probes disturb each other; every result goes to the outbox. Each plan probe is its
 * own task, so a command due at its start time runs at the next probe boundary, not after the whole
 * round. While a command waits for its start time, no plan probe starts: the collector sends
 * commands {@code schedule.lead} ahead of their slot, so a lead longer than the longest plan probe
 * keeps plan probes out of the slots of scheduled network tests.
 */
public final class PlanRunner implements Service {
  private final Plan plan;
  private final ProbeRunner runner;
  private final Outbox outbox;
  private final ResultListener listener;
  private final ScheduledExecutorService probeThread;
  private CompletionStage<?> firstRoundAfter = CompletableFuture.completedFuture(null);
  private final ExecutorService commandThread;
  private final ProbeRun.Progress progress;
  private final CommandRunner commands;
  private static final Duration YIELD = Duration.ofMillis(100);

  private final AtomicLong runCounter = new AtomicLong();
  private final CompletableFuture<Void> planDone = new CompletableFuture<>();
  private final Optional<SettleTracker> settle;
  private int roundsStarted;

  public PlanRunner(
      Plan plan,
      ProbeRunner runner,
      Outbox outbox,
      ResultListener listener,
      ScheduledExecutorService probeThread,
      ProbeRun.Progress progress,
      Clock clock) {
    this.plan = plan;
    this.runner = runner;
    this.outbox = outbox;
    this.listener = listener;
    this.probeThread = probeThread;
    this.progress = progress;
    this.commandThread =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("guestbench-command").daemon().factory());
    this.commands =
        new CommandRunner(runner, probeThread, commandThread, clock, this::deliver, progress);
    this.settle = plan.settle().map(s -> new SettleTracker(s, plan.probes().size()));
  }

  @Override
  public String name() {
    return "plan runner";
  }

  @Override
  public void start() {
    firstRoundAfter.whenComplete((ignored, error) -> probeThread.execute(this::round));
  }

  /**
   * Holds the first round until {@code gate} completes (set before {@link #start}): the host facts
   * include the timer check, a measurement that a probe running beside it would disturb, and the
   * other way round.
   */
  public void startAfter(CompletionStage<?> gate) {
    this.firstRoundAfter = gate;
  }

  @Override
  public void stop(Duration grace) {
    probeThread.shutdownNow();
    commandThread.shutdownNow();
    awaitQuietly(probeThread, grace);
    planDone.complete(null);
  }

  /** Completes when the last planned round has finished (never, for a plan that repeats). */
  public CompletableFuture<Void> planDone() {
    return planDone;
  }

  /**
   * Queues a collector command: it runs on the probe thread at its start time (or at the next probe
   * boundary after it), bounded by its deadline.
   */
  public void submit(Command command) {
    commands.submit(command);
  }

  private void round() {
    roundsStarted++;
    step(0);
  }

  private void step(int index) {
    if (index == plan.probes().size()) {
      if (settle.isPresent() && settle.get().settled()) {
        progress.report(
            String.format(
                Locale.ROOT,
                "plan settled after %d rounds (largest spread %.2f%%); stopping early",
                roundsStarted,
                settle.get().worstCvPercent()));
        planDone.complete(null);
      } else if (plan.repeatsForever() || roundsStarted < plan.rounds()) {
        probeThread.schedule(this::round, plan.interval().toNanos(), TimeUnit.NANOSECONDS);
      } else {
        planDone.complete(null);
      }
      return;
    }
    if (commands.waiting() > 0) {
      probeThread.schedule(() -> step(index), YIELD.toNanos(), TimeUnit.NANOSECONDS);
      return;
    }
    if (runOne(
        outbox.runPrefix() + "-" + runCounter.incrementAndGet(), index, plan.probes().get(index))) {
      try {
        probeThread.execute(() -> step(index + 1));
      } catch (RejectedExecutionException e) {
        // stopping: the rest of the round is not run
      }
    }
  }

  private boolean runOne(String runId, int index, ProbeSpec spec) {
    try {
      progress.report("running " + spec.probe() + " " + spec.params());
      ProbeResult result = runner.run(runId, spec, progress);
      deliver(result);
      settle.ifPresent(s -> markSteal(s.record(index, result), result));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void markSteal(SettleTracker.Counted counted, ProbeResult result) {
    if (counted == SettleTracker.Counted.STEAL_MARKED) {
      progress.report(
          String.format(
              Locale.ROOT,
              "%s: %.1f%% of CPU time stolen; marked, and not counted toward settling",
              result.getRunId(),
              result.getStealRatio() * 100));
    }
  }

  private void deliver(ProbeResult result) {
    outbox.append(List.of(result));
    listener.onResult(result);
  }

  private static void awaitQuietly(ExecutorService executor, Duration grace) {
    try {
      executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
