package io.guestbench.agent.probe.cpu;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeResults;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.common.text.Durations;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Integer or floating-point compute throughput, JMH-style: a timed warm-up lets the JIT compile the
 * kernel, then each measured iteration is timed on its own. Steal is sampled just before the
 * "measuring" progress line and just after the last iteration.
 */
public final class ComputeProbe implements Probe {
  /** Result parameter holding the measured phase's final kernel state, as hex. */
  public static final String CHECKSUM = "checksum";

  private final Clock clock;
  private final StealSampler steal;

  /** Written and never read: publishing the warm-up's result keeps the JIT from dropping it. */
  @SuppressWarnings("unused")
  private volatile long warmupSink;

  @Inject
  public ComputeProbe(Clock clock, StealSampler steal) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.steal = Objects.requireNonNull(steal, "steal");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_CPU;
  }

  @Override
  public String name() {
    return "compute";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    ComputeParams.read(reader);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    ComputeParams params = ComputeParams.read(reader);
    if (!reader.problems().isEmpty()) {
      // Unchecked parameters are not echoed: they may be unbounded, and params are label-like.
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    String kernel = params.kernel().label();
    run.progress().report(kernel + ": warming up for " + Durations.format(params.warmup()));
    warmupSink = Measurement.warmUp(params);

    StealSampler.Snapshot before = steal.sample();
    run.progress().report(kernel + ": measuring " + params.iterations() + " iterations");
    long startWall = clock.wallNanos();
    Measurement measured = Measurement.measure(params);
    long endWall = clock.wallNanos();
    double stealRatio = steal.stealRatio(before, steal.sample());

    if (measured.samples().sum() <= 0) {
      return ProbeResults.failed(
          this,
          run,
          params.asMap(),
          "the timer did not advance while measuring; raise ops_per_iteration");
    }
    double opsPerSecond = measured.totalOps() * 1e9 / measured.samples().sum();
    run.progress().report(String.format(Locale.ROOT, "%s: %.4g ops/s", kernel, opsPerSecond));
    return ProbeResults.started(this, run)
        .putAllParams(params.asMap())
        .putParams(CHECKSUM, Long.toHexString(measured.checksum()))
        .setStartTimeUnixNano(startWall)
        .setEndTimeUnixNano(endWall)
        .addScalars(Scalar.newBuilder().setName("ops_per_second").setValue(opsPerSecond))
        .addDistributions(measured.samples().toDistribution("iteration_nanos"))
        .setStatus(RunStatus.RUN_STATUS_OK)
        .setStealRatio(stealRatio)
        .build();
  }
}
