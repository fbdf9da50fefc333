package io.guestbench.agent.plan;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.agent.ship.Outbox;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.ProbeResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the plan's rounds, and the collector's commands, one probe at a time on a single thread so
 * that no two probes disturb each other; every result goes to the outbox.
 */
public final class PlanRunner implements Service {
  private final Plan plan;
  private final ProbeRunner runner;
  private final Outbox outbox;
  private final ResultListener listener;
  private final ScheduledExecutorService probeThread;
  private final ProbeRun.Progress progress;
  private final AtomicLong runCounter = new AtomicLong();
  private final CompletableFuture<Void> planDone = new CompletableFuture<>();
  private int roundsStarted;

  public PlanRunner(
      Plan plan,
      ProbeRunner runner,
      Outbox outbox,
      ResultListener listener,
      ScheduledExecutorService probeThread,
      ProbeRun.Progress progress) {
    this.plan = plan;
    this.runner = runner;
    this.outbox = outbox;
    this.listener = listener;
    this.probeThread = probeThread;
    this.progress = progress;
  }

  @Override
  public String name() {
    return "plan runner";
  }

  @Override
  public void start() {
    probeThread.execute(this::round);
  }

  @Override
  public void stop(Duration grace) {
    probeThread.shutdownNow();
    awaitQuietly(probeThread, grace);
    planDone.complete(null);
  }

  /** Completes when the last planned round has finished (never, for a plan that repeats). */
  public CompletableFuture<Void> planDone() {
    return planDone;
  }

  /** Queues a collector command behind whatever is running. */
  public void submit(Command command) {
    if (command.hasRunProbe()) {
      ProbeSpec spec =
          new ProbeSpec(
              io.guestbench.agent.probe.ProbeCatalog.id(
                  command.getRunProbe().getKind(), command.getRunProbe().getName()),
              command.getRunProbe().getParamsMap());
      probeThread.execute(() -> runOne("cmd-" + command.getCommandId(), spec));
    }
  }

  private void round() {
    roundsStarted++;
    for (ProbeSpec spec : plan.probes()) {
      if (!runOne(outbox.epoch() + "-" + runCounter.incrementAndGet(), spec)) {
        return;
      }
    }
    if (plan.repeatsForever() || roundsStarted < plan.rounds()) {
      probeThread.schedule(this::round, plan.interval().toNanos(), TimeUnit.NANOSECONDS);
    } else {
      planDone.complete(null);
    }
  }

  private boolean runOne(String runId, ProbeSpec spec) {
    try {
      progress.report("running " + spec.probe() + " " + spec.params());
      ProbeResult result = runner.run(runId, spec, progress);
      outbox.append(List.of(result));
      listener.onResult(result);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void awaitQuietly(ExecutorService executor, Duration grace) {
    try {
      executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
