package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.client.NetTarget;
import io.guestbench.agent.probe.net.client.PeerFailure;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.agent.probe.net.wire.Transport;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the network probes share: checking parameters (the secret file included), running one test
 * against the peer its parameters name, and turning a peer that fails into an error result. The
 * peer is a parameter, so a plan entry and a collector's command run a test the same way.
 *
 * @param <P> the probe's checked parameters
 * @param <F> what its test measured
 */
abstract class NetProbe<P, F> implements Probe {
  private final Clock clock;
  private final StealSampler steal;

  NetProbe(Clock clock, StealSampler steal) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.steal = Objects.requireNonNull(steal, "steal");
  }

  @Override
  public final ProbeKind kind() {
    return ProbeKind.PROBE_KIND_NET;
  }

  @Override
  public String version() {
    return "1";
  }

  abstract P read(ParamReader reader);

  abstract NetParams net(P params);

  abstract Map<String, String> asMap(P params);

  abstract F measure(NetTarget target, P params, ProbeRun.Progress progress)
      throws PeerFailure, InterruptedException;

  abstract long windowNanos(F figures);

  /** Puts the figures in the result, or says why they are not a valid measurement. */
  abstract Optional<String> fill(ProbeResult.Builder result, P params, F figures);

  @Override
  public final List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    P p = read(reader);
    List<String> problems = new ArrayList<>(reader.problems());
    if (problems.isEmpty() && net(p).loadSecret() instanceof PeerSecret.Problem bad) {
      problems.add(bad.line(NetParams.SECRET_FILE, net(p).secretFile().orElseThrow()));
    }
    return problems;
  }

  @Override
  public final ProbeResult run(ProbeRun run) throws InterruptedException {
    List<String> problems = check(run.params());
    if (!problems.isEmpty()) {
      return failed(run, Map.of(), String.join("; ", problems));
    }
    P params = read(new ParamReader(run.params()));
    Map<String, String> echoed = asMap(params);
    Optional<PeerSecret> secret =
        net(params).loadSecret() instanceof PeerSecret.Found found
            ? Optional.of(found.secret())
            : Optional.empty();
    NetTarget target = new NetTarget(net(params).peer(), secret, Transport.best());
    StealSampler.Snapshot before = steal.sample();
    F figures;
    try {
      figures = measure(target, params, run.progress());
    } catch (PeerFailure e) {
      return failed(run, echoed, e.getMessage());
    }
    long end = clock.wallNanos();
    ProbeResult.Builder result =
        started(run)
            .putAllParams(echoed)
            .setStartTimeUnixNano(end - windowNanos(figures))
            .setEndTimeUnixNano(end)
            .setStealRatio(steal.stealRatio(before, steal.sample()));
    Optional<String> invalid = fill(result, params, figures);
    if (invalid.isPresent()) {
      return failed(run, echoed, invalid.get());
    }
    return result.setStatus(RunStatus.RUN_STATUS_OK).build();
  }

  private ProbeResult.Builder started(ProbeRun run) {
    return ProbeResult.newBuilder()
        .setRunId(run.runId())
        .setKind(kind())
        .setName(name())
        .setProbeVersion(version());
  }

  private ProbeResult failed(ProbeRun run, Map<String, String> params, String message) {
    long now = clock.wallNanos();
    return started(run)
        .putAllParams(params)
        .setStartTimeUnixNano(now)
        .setEndTimeUnixNano(now)
        .setStatus(RunStatus.RUN_STATUS_ERROR)
        .setStatusMessage(message)
        .setStealRatio(-1)
        .build();
  }
}
