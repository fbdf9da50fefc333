package io.guestbench.agent.probe.net;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.common.time.Clock;
import jakarta.inject.Inject;

/**
 * {@code net.crr}: the cost of a new TCP connection with one request/response on it, timed from
 * connect until the connection is closed (netperf's TCP_CRR).
 */
public final class NetCrrProbe extends RrFamilyProbe {
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
}
