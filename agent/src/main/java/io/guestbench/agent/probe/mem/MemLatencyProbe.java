package io.guestbench.agent.probe.mem;

import static io.guestbench.agent.probe.method.MethodResults.scalar;
import static io.guestbench.agent.probe.method.MethodResults.seconds;

import io.guestbench.agent.host.HostFiles;
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
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import jakarta.inject.Inject;
import java.lang.foreign.Arena;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Memory latency: nanoseconds per load of a dependent random pointer chase over a buffer four times
 * the last-level cache (TLB misses included, as a program with a large heap would see them).
 */
public final class MemLatencyProbe implements Probe {
  /** Fixed, so every run and the C reference walk the same cycle. */
  static final long SEED = 42;

  private final Measurer measurer;
  private final HostFiles host;

  @Inject
  public MemLatencyProbe(Measurer measurer, HostFiles host) {
    this.measurer = Objects.requireNonNull(measurer, "measurer");
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_CPU;
  }

  @Override
  public String name() {
    return "mem_latency";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    MemParams.read(reader, null, MethodParams.DEFAULTS);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    MemParams params = MemParams.read(reader, null, MethodParams.DEFAULTS);
    if (!reader.problems().isEmpty()) {
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    CacheInfo cache = CacheInfo.read(host);
    long bytes = params.bytesOr(cache.workingSet(1, 4, 256L << 20, 64L << 20, 1L << 30));
    Map<String, String> asMap = params.asMap(bytes, cache);
    try (Arena arena = Arena.ofConfined()) {
      run.progress().report(String.format(Locale.ROOT, "mem_latency: linking %d MiB", bytes >> 20));
      PointerChase chase = new PointerChase(bytes, SEED, arena);
      Measurement m =
          measurer.measure(
              List.of(new Subject("load", chase)), Figure.SINGLE, params.method(), run.progress());
      return MethodResults.ok(this, run, asMap, m)
          .addScalars(scalar("load_seconds", seconds(m.figureNanos())))
          .addDistributions(m.main().picosPerOp().toDistribution("load_picos"))
          .build();
    } catch (OutOfMemoryError e) {
      return ProbeResults.failed(this, run, asMap, "cannot allocate the buffer: " + e.getMessage());
    }
  }
}
