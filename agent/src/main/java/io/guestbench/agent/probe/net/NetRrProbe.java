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
 * {@code net.rr}: request/response latency with a peer agent, TCP ({@code mode: tcp_rr}, closed
 * loop, or open loop at a fixed {@code rate}) or UDP ({@code mode: udp_rr}).
 */
public final class NetRrProbe extends NetProbe<RrParams, RrFigures> {
  @Inject
  public NetRrProbe(Clock clock, StealSampler steal) {
    super(clock, steal);
  }

  @Override
  public String name() {
    return "rr";
  }

  @Override
  RrParams read(ParamReader reader) {
    return RrParams.readRr(reader);
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
