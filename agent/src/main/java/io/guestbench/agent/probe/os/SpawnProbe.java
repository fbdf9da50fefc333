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
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Process creation: {@code /bin/true} from start to exit through {@link ProcessBuilder}, where Xen
 * PV pays for every page-table update of fork and exec. A machine without {@code /bin/true} skips
 * the probe.
 */
public final class SpawnProbe implements Probe {
  /** The program every Unix has; it exits 0 at once. */
  public static final Path TRUE = Path.of("/bin/true");

  /** A spawn takes about a millisecond, so a repetition is longer than the other probes'. */
  static final MethodParams DEFAULTS = MethodParams.DEFAULTS.withRepetition(Duration.ofMillis(500));

  private final Measurer measurer;
  private final Path program;

  @Inject
  public SpawnProbe(Measurer measurer) {
    this(measurer, TRUE);
  }

  SpawnProbe(Measurer measurer, Path program) {
    this.measurer = Objects.requireNonNull(measurer, "measurer");
    this.program = Objects.requireNonNull(program, "program");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_OS;
  }

  @Override
  public String name() {
    return "spawn";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    MethodParams.read(reader, DEFAULTS);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    MethodParams method = MethodParams.read(reader, DEFAULTS);
    if (!reader.problems().isEmpty()) {
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    if (!Files.isExecutable(program)) {
      return ProbeResults.skipped(this, run, method.asMap(), "no executable " + program);
    }
    Spawn spawn = new Spawn(program);
    Measurement m;
    try {
      run.progress().report("spawn: starting " + program);
      m =
          measurer.measure(
              List.of(new Subject("spawn", spawn)), Figure.SINGLE, method, run.progress());
    } catch (UncheckedIOException e) {
      return ProbeResults.failed(
          this, run, method.asMap(), "starting " + program + ": " + e.getCause().getMessage());
    }
    if (spawn.failures() > 0) {
      return ProbeResults.failed(
          this, run, method.asMap(), spawn.failures() + " runs of " + program + " exited non-zero");
    }
    return MethodResults.ok(this, run, method.asMap(), m)
        .addScalars(scalar("spawn_seconds", seconds(m.figureNanos())))
        .addDistributions(m.main().picosPerOp().toDistribution("spawn_picos"))
        .build();
  }
}
