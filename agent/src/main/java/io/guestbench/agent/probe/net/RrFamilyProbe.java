package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.net.client.NetTarget;
import io.guestbench.agent.probe.net.client.PeerFailure;
import io.guestbench.agent.probe.net.client.RrFigures;
import io.guestbench.agent.probe.net.client.RrTest;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeResult;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code net.rr} and {@code net.crr} share: both run a request/response test and report the
 * same figures; they differ in their name and in the parameters they accept.
 */
abstract class RrFamilyProbe extends NetProbe<RrParams, RrFigures> {
  RrFamilyProbe(Clock clock, StealSampler steal) {
    super(clock, steal);
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
