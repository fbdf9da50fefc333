package io.guestbench.agent.plan;

import io.guestbench.agent.probe.ProbeCatalog;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.ProbeSpec;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs the collector's commands on the probe thread, between the plan's probes: not before the
 * command's start time and bounded by its deadline. A probe still running at the deadline is
 * interrupted and reported as a timeout, and the probe thread waits for it to end before it runs
 * anything else, so two probes never overlap on one agent.
 */
final class CommandRunner {
  /** Commands waiting for their start time or their turn; more are refused with an error result. */
  static final int MAX_PENDING = 64;

  /** How far ahead a command may ask to start; later is a mistake, not a plan. */
  static final Duration MAX_AHEAD = Duration.ofDays(1);

  /** The longest quiet period a hold may ask for. */
  static final Duration MAX_HOLD = Duration.ofMinutes(30);

  /** How long an interrupted probe may take to end before the probe thread moves on anyway. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private static final Logger log = Logger.getLogger(CommandRunner.class.getName());

  private final ProbeRunner runner;
  private final ScheduledExecutorService probeThread;
  private final ExecutorService worker;
  private final Clock clock;
  private final Consumer<ProbeResult> sink;
  private final ProbeRun.Progress progress;
  private final AtomicInteger pending = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong heldUntil =
      new java.util.concurrent.atomic.AtomicLong();

  CommandRunner(
      ProbeRunner runner,
      ScheduledExecutorService probeThread,
      ExecutorService worker,
      Clock clock,
      Consumer<ProbeResult> sink,
      ProbeRun.Progress progress) {
    this.runner = runner;
    this.probeThread = probeThread;
    this.worker = worker;
    this.clock = clock;
    this.sink = sink;
    this.progress = progress;
  }

  /** Commands accepted and not yet started, plus one while a hold lasts. */
  int waiting() {
    return pending.get() + (clock.wallNanos() < heldUntil.get() ? 1 : 0);
  }

  /** Queues a command; returns at once (it is called on the stream's thread). */
  void submit(Command command) {
    if (command.hasHold()) {
      hold(command);
      return;
    }
    if (!command.hasRunProbe()) {
      log.warning("command " + command.getCommandId() + " asks for nothing this agent knows");
      return;
    }
    String runId = "cmd-" + command.getCommandId();
    ProbeSpec spec =
        new ProbeSpec(
            ProbeCatalog.id(command.getRunProbe().getKind(), command.getRunProbe().getName()),
            command.getRunProbe().getParamsMap());
    long now = clock.wallNanos();
    long notBefore = Math.max(0, command.getNotBeforeUnixNano());
    long deadline = command.getDeadlineUnixNano();
    String refusal = refusal(now, notBefore, deadline);
    if (refusal == null && pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      refusal = "more than " + MAX_PENDING + " commands waiting";
    }
    if (refusal != null) {
      String why = refusal;
      onProbeThread(() -> sink.accept(runner.ended(runId, spec, RunStatus.RUN_STATUS_ERROR, why)));
      return;
    }
    long delay = Math.max(0, notBefore - now);
    onProbeThread(
        () -> {
          pending.decrementAndGet();
          run(runId, spec, deadline);
        },
        delay);
  }

  /**
   * Holds the plan from {@code not_before} to the deadline, so no plan probe disturbs a test this
   * agent serves; a hold whose times make no sense, or longer than {@link #MAX_HOLD}, is logged and
   * ignored. A hold produces no result.
   */
  private void hold(Command command) {
    long now = clock.wallNanos();
    long notBefore = Math.max(now, command.getNotBeforeUnixNano());
    long deadline = command.getDeadlineUnixNano();
    String refusal = refusal(now, notBefore, deadline);
    if (refusal == null && (deadline == 0 || deadline - notBefore > MAX_HOLD.toNanos())) {
      refusal = "a hold must end within " + MAX_HOLD.toMinutes() + " minutes of its start";
    }
    if (refusal == null && pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      refusal = "more than " + MAX_PENDING + " commands waiting";
    }
    if (refusal != null) {
      log.warning("hold " + command.getCommandId() + " ignored: " + refusal);
      return;
    }
    String reason = command.getHold().getReason();
    onProbeThread(
        () -> {
          heldUntil.accumulateAndGet(deadline, Math::max);
          pending.decrementAndGet();
          progress.report(
              "holding the plan for "
                  + (deadline - clock.wallNanos()) / 1_000_000
                  + " ms: "
                  + reason);
        },
        notBefore - now);
  }

  /** Why a command's times make no sense, or null when they are fine. */
  private static String refusal(long now, long notBefore, long deadline) {
    if (notBefore - now > MAX_AHEAD.toNanos()) {
      return "not_before_unix_nano "
          + notBefore
          + " is more than a day ahead of this agent's clock";
    }
    if (deadline < 0 || (deadline != 0 && deadline <= notBefore)) {
      return "deadline_unix_nano " + deadline + " is not after not_before_unix_nano " + notBefore;
    }
    return null;
  }

  private void run(String runId, ProbeSpec spec, long deadline) {
    long start = clock.wallNanos();
    if (deadline != 0 && start >= deadline) {
      sink.accept(
          runner.ended(
              runId,
              spec,
              RunStatus.RUN_STATUS_TIMEOUT,
              "not started by its deadline: the agent was running another probe until "
                  + (start - deadline) / 1_000_000
                  + " ms after it"));
      return;
    }
    CountDownLatch ended = new CountDownLatch(1);
    Future<ProbeResult> probe =
        worker.submit(
            () -> {
              try {
                return runner.run(runId, spec, progress);
              } finally {
                ended.countDown();
              }
            });
    sink.accept(
        outcome(runId, spec, probe, ended, deadline == 0 ? Long.MAX_VALUE : deadline - start));
  }

  private ProbeResult outcome(
      String runId, ProbeSpec spec, Future<ProbeResult> probe, CountDownLatch ended, long nanos) {
    try {
      return probe.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      probe.cancel(true);
      awaitEnd(ended, spec);
      return runner.ended(
          runId,
          spec,
          RunStatus.RUN_STATUS_TIMEOUT,
          "not finished by its deadline, " + nanos / 1_000_000 + " ms after it started; stopped");
    } catch (ExecutionException e) {
      return runner.ended(runId, spec, RunStatus.RUN_STATUS_ERROR, e.getCause().toString());
    } catch (InterruptedException e) {
      probe.cancel(true);
      Thread.currentThread().interrupt();
      return runner.ended(runId, spec, RunStatus.RUN_STATUS_ERROR, "agent stopping");
    }
  }

  /**
   * The next probe must not start while this one still runs; a probe ignoring interrupts is logged.
   */
  private static void awaitEnd(CountDownLatch ended, ProbeSpec spec) {
    try {
      if (!ended.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warning(spec.probe() + " ignored its interrupt for " + STOP_GRACE + "; moving on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onProbeThread(Runnable task) {
    onProbeThread(task, 0);
  }

  private void onProbeThread(Runnable task, long delayNanos) {
    try {
      probeThread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.fine("agent stopping; dropping a command");
    }
  }
}
