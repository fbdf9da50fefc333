package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.client.NetTarget;
import io.guestbench.agent.probe.net.client.PeerFailure;
import io.guestbench.agent.probe.net.client.RrFigures;
import io.guestbench.agent.probe.net.client.RrTest;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code net.crr}: the cost of a new TCP connection with one request/response on it, timed from
 * connect until the connection is closed (netperf's TCP_CRR).
 */
public final class NetCrrProbe extends NetProbe<RrParams, RrFigures> {
  @Inject
  public NetCrrProbe(Clock clock, StealSampler steal) {
    super(clock, steal);
  }

  @Override
  public String name() {
    return "crr";
  }

  @Override
  RrParams read(ParamReader reader) {
    return RrParams.readCrr(reader);
  }

  @Override
  NetParams net(RrParams params) {
    return params.net();
  }

  @Override
  Map<String, String> asMap(RrParams params) {
    return params.asMap();
  }

  @Override
  RrFigures measure(NetTarget target, RrParams params, ProbeRun.Progress progress)
      throws PeerFailure, InterruptedException {
    return RrTest.run(target, params.request(), progress::report);
  }

  @Override
  long windowNanos(RrFigures figures) {
    return figures.windowNanos();
  }

  @Override
  Optional<String> fill(ProbeResult.Builder result, RrParams params, RrFigures f) {
    return RrResults.fill(result, params, f);
  }
}
