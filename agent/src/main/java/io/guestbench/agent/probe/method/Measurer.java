package io.guestbench.agent.probe.method;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.Samples;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.common.time.Clock;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs the shared method: read the clock's cost first, warm each subject up while growing its batch
 * until a batch is long enough to estimate one unit's time, size the timed batches from both (see
 * {@link Batching}), then repeat until {@link CovRule} says stop. Within a repetition the subjects
 * run one after the other, so a baseline is measured under the same conditions as its operation.
 */
public final class Measurer {
  /** A warm-up batch this long gives an estimate of one unit's time good to about 1%. */
  static final long CALIBRATION_NANOS = 100_000;

  private final Clock clock;
  private final StealSampler steal;

  /**
   * Written and never read: publishing the operations' results keeps the JIT from dropping them.
   */
  @SuppressWarnings("unused")
  private volatile long sink;

  @Inject
  public Measurer(Clock clock, StealSampler steal) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.steal = Objects.requireNonNull(steal, "steal");
  }

  /** Measures {@code subjects} (at least one) by {@code params}, reporting {@code figure}. */
  public Measurement measure(
      List<Subject> subjects, Figure figure, MethodParams params, ProbeRun.Progress progress)
      throws InterruptedException {
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("nothing to measure");
    }
    TimerFigures timer = TimerFigures.measure(clock);
    int n = subjects.size();
    long[] units = new long[n];
    for (int i = 0; i < n; i++) {
      Operation op = subjects.get(i).operation();
      double unitNanos = warmUp(op, params.warmup().toNanos() / n, timer);
      units[i] = Batching.unitsPerBatch(timer, unitNanos, op.minUnits(), op.maxUnits());
    }
    List<Tally> tallies = new ArrayList<>();
    subjects.forEach(s -> tallies.add(new Tally(s)));
    CovRule rule = CovRule.of(params);
    long share = params.repetition().toNanos() / n;

    StealSampler.Snapshot before = steal.sample();
    long startWall = clock.wallNanos();
    while (!rule.done()) {
      double[] means = new double[n];
      for (int i = 0; i < n; i++) {
        means[i] = tallies.get(i).repeat(units[i], share);
      }
      rule.add(figure.of(means));
      progress.report("repetition " + rule.count() + ", cov " + percent(rule.cov()));
    }
    long endWall = clock.wallNanos();
    double stealRatio = steal.stealRatio(before, steal.sample());

    List<Measured> measured = new ArrayList<>();
    double[] overall = new double[n];
    for (int i = 0; i < n; i++) {
      measured.add(tallies.get(i).measured(units[i]));
      overall[i] = measured.get(i).nanosPerOp();
    }
    return new Measurement(
        measured,
        figure.of(overall),
        rule.median(),
        rule.cov(),
        rule.count(),
        rule.converged(),
        timer,
        startWall,
        endWall,
        stealRatio);
  }

  /**
   * Runs {@code op} for {@code warmupNanos}, doubling the batch until one takes {@link
   * #CALIBRATION_NANOS}, and returns the last batch's nanoseconds per unit: by then the loop is
   * compiled, and the clock's own cost is taken out. At least one batch of that length runs, even
   * with no warm-up.
   */
  private double warmUp(Operation op, long warmupNanos, TimerFigures timer)
      throws InterruptedException {
    long units = op.minUnits();
    long deadline = clock.monotonicNanos() + warmupNanos;
    while (true) {
      stopIfInterrupted();
      op.prepare(units);
      long start = clock.monotonicNanos();
      sink += op.run(units);
      long took = clock.monotonicNanos() - start;
      boolean longEnough =
          took >= CALIBRATION_NANOS || units >= op.maxUnits() || units >= Batching.MAX_UNITS;
      if (longEnough && start + took - deadline >= 0) {
        return Math.max(0, took - timer.costNanos()) / units;
      }
      if (!longEnough) {
        units = Math.min(Math.min(op.maxUnits(), Batching.MAX_UNITS), units * 2);
      }
    }
  }

  private static String percent(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f%%", 100 * ratio) : "n/a";
  }

  private static void stopIfInterrupted() throws InterruptedException {
    if (Thread.interrupted()) { // clears the flag, as a blocking call would before throwing
      throw new InterruptedException("measurement interrupted");
    }
  }

  /** One subject's timed batches so far. */
  private final class Tally {
    private final Subject subject;
    private final Samples picos = new Samples();
    private long units;
    private long nanos;

    Tally(Subject subject) {
      this.subject = subject;
    }

    /** Times batches of {@code batch} units for about {@code length} ns; returns ns per op. */
    double repeat(long batch, long length) throws InterruptedException {
      Operation op = subject.operation();
      long ops = batch * op.opsPerUnit();
      long repNanos = 0;
      long repUnits = 0;
      long deadline = clock.monotonicNanos() + length;
      long end;
      do {
        stopIfInterrupted();
        op.prepare(batch);
        long start = clock.monotonicNanos();
        sink += op.run(batch);
        end = clock.monotonicNanos();
        picos.record((end - start) * 1000 / ops);
        repNanos += end - start;
        repUnits += batch;
      } while (end - deadline < 0);
      units += repUnits;
      nanos += repNanos;
      return repNanos / (double) (repUnits * op.opsPerUnit());
    }

    Measured measured(long batch) {
      long perUnit = subject.operation().opsPerUnit();
      return new Measured(subject.name(), picos, units * perUnit, nanos, batch, perUnit);
    }
  }
}
