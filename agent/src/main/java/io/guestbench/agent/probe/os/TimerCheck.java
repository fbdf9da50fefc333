package io.guestbench.agent.probe.os;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.method.Figure;
import io.guestbench.agent.probe.method.Measurement;
import io.guestbench.agent.probe.method.Measurer;
import io.guestbench.agent.probe.method.MethodParams;
import io.guestbench.agent.probe.method.Subject;
import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Libc;
import jakarta.inject.Inject;
import java.lang.foreign.Arena;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The timer check: a quick measurement (a few tens of milliseconds per clock) of what reading each
 * clock costs and how finely it steps, run before anything else is measured. The {@code
 * os.clock_read} probe measures one clock the same way at full length.
 */
public final class TimerCheck {
  /**
   * Short: 100 ms of warm-up and three to five repetitions of 10 ms per clock, of which the median
   * counts. Right after the JVM starts its compiler threads are busy, and a loop may still run
   * interpreted in the first repetition: a baseline read at 15 ns instead of 5 once made
   * CLOCK_MONOTONIC look like 9 ns instead of 19.
   */
  static final MethodParams QUICK =
      new MethodParams(Duration.ofMillis(100), Duration.ofMillis(10), 3, 5, 2);

  /**
   * For each {@code clock_gettime} clock after the first: all of them run the same two loops
   * ({@link NativeLoops}' clock reads and their baseline call, only the clock id differs), which
   * the first clock's warm-up and repetitions have compiled, so a short warm-up is enough to size
   * the batches again: 3 × 75 ms less of the start-up, during which the first Hello waits.
   */
  static final MethodParams QUICK_COMPILED =
      new MethodParams(Duration.ofMillis(25), Duration.ofMillis(10), 3, 5, 2);

  static final String CLOCKSOURCE =
      "/sys/devices/system/clocksource/clocksource0/current_clocksource";

  private final Libc libc;
  private final Measurer measurer;
  private final HostFiles host;

  @Inject
  public TimerCheck(Libc libc, Measurer measurer, HostFiles host) {
    this.libc = Objects.requireNonNull(libc, "libc");
    this.measurer = Objects.requireNonNull(measurer, "measurer");
    this.host = Objects.requireNonNull(host, "host");
  }

  /** Reads every clock; a clock this machine lacks is in the report with the reason. */
  public TimerReport run(ProbeRun.Progress progress) throws InterruptedException {
    List<ClockReading> readings = new ArrayList<>();
    double ffmCall = Double.NaN;
    boolean ffmLoopsWarm = false;
    try (Arena arena = Arena.ofConfined()) {
      for (ClockId clock : ClockId.values()) {
        switch (ClockReader.bind(clock, libc, arena)) {
          case Bound.Missing<ClockReader> m ->
              readings.add(ClockReading.missing(clock, m.reason()));
          case Bound.Ok<ClockReader> ok -> {
            progress.report("timer check: " + clock.label());
            boolean viaFfm = ok.value().baseline() != null;
            MethodParams params = viaFfm && ffmLoopsWarm ? QUICK_COMPILED : QUICK;
            Measurement m = measure(measurer, ok.value(), params, ProbeRun.Progress.NONE);
            long step = Resolution.smallestStep(ok.value().value());
            readings.add(ClockReading.measured(clock, m.medianFigureNanos(), step));
            if (viaFfm) {
              ffmCall = m.subjects().get(1).nanosPerOp(); // the last is the warmest
              ffmLoopsWarm = true;
            }
          }
        }
      }
    }
    return new TimerReport(readings, clocksource(host), ffmCall);
  }

  /** Times a clock's reads; a {@code clock_gettime} clock's net of its FFM baseline call. */
  static Measurement measure(
      Measurer measurer, ClockReader reader, MethodParams params, ProbeRun.Progress progress)
      throws InterruptedException {
    Subject reads = new Subject(reader.clock().label(), reader.reads());
    if (reader.baseline() == null) {
      return measurer.measure(List.of(reads), Figure.SINGLE, params, progress);
    }
    Subject baseline = new Subject("sigismember", reader.baseline());
    return measurer.measure(List.of(reads, baseline), Figure.NET_OF_BASELINE, params, progress);
  }

  /** The kernel's current clocksource, for example {@code tsc} or {@code xen}. */
  static Optional<String> clocksource(HostFiles host) {
    return host.read(CLOCKSOURCE).map(String::strip).filter(s -> !s.isEmpty());
  }
}
