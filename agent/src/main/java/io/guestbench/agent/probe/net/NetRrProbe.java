package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.common.time.Clock;
import jakarta.inject.Inject;

/**
 * {@code net.rr}: request/response latency with a peer agent, TCP ({@code mode: tcp_rr}, closed
 * loop, or open loop at a fixed {@code rate}) or UDP ({@code mode: udp_rr}).
 */
public final class NetRrProbe extends RrFamilyProbe {
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
}
