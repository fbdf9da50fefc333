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
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Thread context switches: a token handed back and forth between two threads, reported per handoff.
 * By default both threads are pinned to one CPU, so each handoff is a switch on that CPU rather
 * than a wake-up of another one (which {@code pin=none} measures instead).
 */
public final class ContextSwitchProbe implements Probe {
  public static final String PIN = "pin";
  static final String SAME_CPU = "same_cpu";

  private final Libc libc;
  private final Measurer measurer;

  @Inject
  public ContextSwitchProbe(Libc libc, Measurer measurer) {
    this.libc = Objects.requireNonNull(libc, "libc");
    this.measurer = Objects.requireNonNull(measurer, "measurer");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_OS;
  }

  @Override
  public String name() {
    return "context_switch";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    Params.read(reader);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    Params params = Params.read(reader);
    if (!reader.problems().isEmpty()) {
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    if (!params.pin().equals(SAME_CPU)) {
      return measure(run, params, () -> null);
    }
    return switch (Affinity.bind(libc)) {
      case Bound.Missing<Affinity> m -> ProbeResults.skipped(this, run, params.asMap(), m.reason());
      case Bound.Ok<Affinity> ok -> pinned(run, params, ok.value());
    };
  }

  /** Pins this thread and the partner to this thread's first allowed CPU, then restores it. */
  private ProbeResult pinned(ProbeRun run, Params params, Affinity affinity)
      throws InterruptedException {
    try (Arena arena = Arena.ofConfined()) {
      Bound<MemorySegment> before = affinity.current(arena);
      if (before instanceof Bound.Missing<MemorySegment> m) {
        return ProbeResults.skipped(this, run, params.asMap(), m.reason());
      }
      MemorySegment mask = ((Bound.Ok<MemorySegment>) before).value();
      int cpu = Affinity.firstCpu(mask);
      if (affinity.pin(cpu) instanceof Bound.Missing<Integer> m) {
        return ProbeResults.skipped(this, run, params.asMap(), m.reason());
      }
      try {
        return measure(run, params, () -> reason(affinity.pin(cpu)));
      } finally {
        affinity.restore(mask);
      }
    }
  }

  private ProbeResult measure(ProbeRun run, Params params, Supplier<String> setUp)
      throws InterruptedException {
    try (Handoff handoff = new Handoff(setUp)) {
      String problem = handoff.awaitReady();
      if (problem != null) {
        return ProbeResults.skipped(this, run, params.asMap(), problem);
      }
      run.progress().report("context_switch: handing a token between two threads");
      Measurement m =
          measurer.measure(
              List.of(new Subject("handoff", handoff)),
              Figure.SINGLE,
              params.method(),
              run.progress());
      return MethodResults.ok(this, run, params.asMap(), m)
          .addScalars(scalar("switch_seconds", seconds(m.figureNanos())))
          .addDistributions(m.main().picosPerOp().toDistribution("switch_picos"))
          .build();
    }
  }

  private static String reason(Bound<?> bound) {
    return bound instanceof Bound.Missing<?> m ? m.reason() : null;
  }

  private record Params(String pin, MethodParams method) {
    static Params read(ParamReader reader) {
      String pin = reader.choice(PIN, SAME_CPU, List.of(SAME_CPU, "none"));
      return new Params(pin, MethodParams.read(reader, MethodParams.DEFAULTS));
    }

    Map<String, String> asMap() {
      Map<String, String> map = new HashMap<>(method.asMap());
      map.put(PIN, pin);
      return map;
    }
  }
}
