package io.guestbench.agent.probe.mem;

import static io.guestbench.agent.probe.method.MethodResults.scalar;

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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Memory bandwidth with the STREAM copy or triad kernel over arrays well beyond the last-level
 * cache (by default four times it, each), so the figure is the memory's and not the cache's.
 */
public final class MemBandwidthProbe implements Probe {
  /** A pass over a few hundred megabytes takes milliseconds, so repetitions are longer. */
  static final MethodParams DEFAULTS = MethodParams.DEFAULTS.withRepetition(Duration.ofMillis(500));

  private final Measurer measurer;
  private final HostFiles host;

  @Inject
  public MemBandwidthProbe(Measurer measurer, HostFiles host) {
    this.measurer = Objects.requireNonNull(measurer, "measurer");
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_CPU;
  }

  @Override
  public String name() {
    return "mem_bandwidth";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    MemParams.read(reader, MemParams.KERNEL, DEFAULTS);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    MemParams params = MemParams.read(reader, MemParams.KERNEL, DEFAULTS);
    if (!reader.problems().isEmpty()) {
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    CacheInfo cache = CacheInfo.read(host);
    StreamKernel kernel = StreamKernel.byLabel(params.kernel());
    long arrayBytes =
        params.bytesOr(cache.workingSet(kernel.arrays(), 4, 128L << 20, 32L << 20, 1L << 30));
    Map<String, String> asMap = params.asMap(arrayBytes, cache);
    try (Arena arena = Arena.ofConfined()) {
      run.progress()
          .report(
              String.format(
                  Locale.ROOT,
                  "mem_bandwidth: %s over %d MiB arrays",
                  kernel.label(),
                  arrayBytes >> 20));
      StreamPass pass = new StreamPass(kernel, arrayBytes, arena);
      Measurement m =
          measurer.measure(
              List.of(new Subject(kernel.label(), pass)),
              Figure.SINGLE,
              params.method(),
              run.progress());
      double bytesPerSecond = pass.bytesPerPass() * 1e9 / m.figureNanos();
      return MethodResults.ok(this, run, asMap, m)
          .addScalars(scalar("bytes_per_second", bytesPerSecond))
          .addDistributions(m.main().picosPerOp().toDistribution("pass_picos"))
          .build();
    } catch (OutOfMemoryError e) {
      return ProbeResults.failed(this, run, asMap, "cannot allocate the arrays: " + e.getMessage());
    }
  }
}
