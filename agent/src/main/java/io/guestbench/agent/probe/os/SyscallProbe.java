package io.guestbench.agent.probe.os;

import static io.guestbench.agent.probe.method.MethodResults.scalar;
import static io.guestbench.agent.probe.method.MethodResults.seconds;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeResults;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.method.Figure;
import io.guestbench.agent.probe.method.Measurement;
import io.guestbench.agent.probe.method.Measurer;
import io.guestbench.agent.probe.method.MethodParams;
import io.guestbench.agent.probe.method.MethodResults;
import io.guestbench.agent.probe.method.Subject;
import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import jakarta.inject.Inject;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The cost of entering and leaving the kernel: {@code getppid} through FFM, which does almost
 * nothing once inside, minus a baseline FFM call that never enters the kernel ({@code getpagesize};
 * see {@link CriticalCalls}). Both are timed in batches, interleaved within every repetition.
 */
public final class SyscallProbe implements Probe {
  private final Libc libc;
  private final Measurer measurer;

  @Inject
  public SyscallProbe(Libc libc, Measurer measurer) {
    this.libc = Objects.requireNonNull(libc, "libc");
    this.measurer = Objects.requireNonNull(measurer, "measurer");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_OS;
  }

  @Override
  public String name() {
    return "syscall";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    MethodParams.read(reader, MethodParams.DEFAULTS);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    MethodParams method = MethodParams.read(reader, MethodParams.DEFAULTS);
    if (!reader.problems().isEmpty()) {
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    Bound<List<MethodHandle>> calls =
        CriticalCalls.getppid(libc)
            .flatMap(ppid -> CriticalCalls.getpagesize(libc).map(noop -> List.of(ppid, noop)));
    return switch (calls) {
      case Bound.Missing<List<MethodHandle>> m ->
          ProbeResults.skipped(this, run, method.asMap(), m.reason());
      case Bound.Ok<List<MethodHandle>> ok -> measure(run, method, ok.value());
    };
  }

  private ProbeResult measure(ProbeRun run, MethodParams method, List<MethodHandle> calls)
      throws InterruptedException {
    List<Subject> subjects =
        List.of(
            new Subject("getppid", NativeLoops.intCalls(calls.get(0), false)),
            new Subject("getpagesize", NativeLoops.intCalls(calls.get(1), true)));
    run.progress().report("syscall: measuring getppid against getpagesize");
    Measurement m = measurer.measure(subjects, Figure.NET_OF_BASELINE, method, run.progress());
    if (!(m.figureNanos() > 0)) {
      return ProbeResults.failed(this, run, method.asMap(), unresolved(m));
    }
    run.progress()
        .report(String.format(Locale.ROOT, "syscall: %.1f ns per system call", m.figureNanos()));
    return MethodResults.ok(this, run, method.asMap(), m)
        .addScalars(scalar("syscall_seconds", seconds(m.figureNanos())))
        .addScalars(scalar("ffm_call_seconds", seconds(m.subjects().get(1).nanosPerOp())))
        .addDistributions(m.main().picosPerOp().toDistribution("call_picos"))
        .build();
  }

  /** A system call is never free: a net figure at or below zero means noise swamped it. */
  private static String unresolved(Measurement m) {
    return String.format(
        Locale.ROOT,
        "getppid measured no slower than the baseline call (%.1f ns vs %.1f ns): the machine was"
            + " too busy for these repetitions; raise repetition or min_repetitions",
        m.subjects().get(0).nanosPerOp(),
        m.subjects().get(1).nanosPerOp());
  }
}
