package io.guestbench.agent.probe.os;

import static io.guestbench.agent.probe.method.MethodResults.scalar;
import static io.guestbench.agent.probe.method.MethodResults.seconds;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeResults;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.method.Measurement;
import io.guestbench.agent.probe.method.Measurer;
import io.guestbench.agent.probe.method.MethodParams;
import io.guestbench.agent.probe.method.MethodResults;
import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import jakarta.inject.Inject;
import java.lang.foreign.Arena;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading one clock costs: {@code System.nanoTime()}, {@code currentTimeMillis()} or {@code
 * clock_gettime} for one clock id through FFM, net of a baseline FFM call. Reads are always timed
 * in batches (a read cannot time itself); the result also carries the clock's step and whether its
 * reads look like system calls.
 */
public final class ClockReadProbe implements Probe {
  public static final String CLOCK = "clock";

  private final Libc libc;
  private final Measurer measurer;
  private final HostFiles host;

  @Inject
  public ClockReadProbe(Libc libc, Measurer measurer, HostFiles host) {
    this.libc = Objects.requireNonNull(libc, "libc");
    this.measurer = Objects.requireNonNull(measurer, "measurer");
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_OS;
  }

  @Override
  public String name() {
    return "clock_read";
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
      // Unchecked parameters are not echoed: they may be unbounded, and params are label-like.
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    try (Arena arena = Arena.ofConfined()) {
      return switch (ClockReader.bind(params.clock(), libc, arena)) {
        case Bound.Missing<ClockReader> m ->
            ProbeResults.skipped(this, run, params.asMap(), m.reason());
        case Bound.Ok<ClockReader> ok -> measure(run, params, ok.value());
      };
    }
  }

  private ProbeResult measure(ProbeRun run, Params params, ClockReader reader)
      throws InterruptedException {
    run.progress().report(reader.clock().label() + ": measuring reads");
    Measurement m = TimerCheck.measure(measurer, reader, params.method(), run.progress());
    long step = Resolution.smallestStep(reader.value());
    Optional<String> clocksource = TimerCheck.clocksource(host);
    boolean fallback =
        FallbackRule.suspect(reader.clock(), m.figureNanos(), clocksource).isPresent();
    ProbeResult.Builder result =
        MethodResults.ok(this, run, params.asMap(), m)
            .addScalars(scalar("read_seconds", seconds(m.figureNanos())))
            .addScalars(scalar("resolution_seconds", seconds(step)))
            .addScalars(scalar("syscall_fallback", fallback ? 1 : 0))
            .addDistributions(m.main().picosPerOp().toDistribution("read_picos"));
    if (m.subjects().size() > 1) {
      result.addScalars(scalar("ffm_call_seconds", seconds(m.subjects().get(1).nanosPerOp())));
    }
    return result.build();
  }

  private record Params(ClockId clock, MethodParams method) {
    static Params read(ParamReader reader) {
      String clock = reader.choice(CLOCK, ClockId.NANOTIME.label(), ClockId.labels());
      return new Params(ClockId.byLabel(clock), MethodParams.read(reader, MethodParams.DEFAULTS));
    }

    Map<String, String> asMap() {
      Map<String, String> map = new HashMap<>(method.asMap());
      map.put(CLOCK, clock.label());
      return map;
    }
  }
}
