package io.guestbench.agent.runtime;

import io.guestbench.agent.config.AgentConfig;
import io.guestbench.agent.ship.HelloSource;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;

/** The agent's Hello: its id, configured labels and the host facts collected at start. */
final class AgentHello implements HelloSource {
  static final int PROTOCOL_VERSION = 1;

  private final AgentConfig config;
  private final HostFacts facts;
  private final String version;

  AgentHello(AgentConfig config, HostFacts facts, String version) {
    this.config = config;
    this.facts = facts;
    this.version = version;
  }

  @Override
  public Hello hello(long epoch, long firstUnackedSeq) {
    return Hello.newBuilder()
        .setAgentId(config.agentId())
        .setEpoch(epoch)
        .setAgentVersion(version)
        .setFacts(facts)
        .putAllLabels(config.labels())
        .setFirstUnackedSeq(firstUnackedSeq)
        .setProtocolVersion(PROTOCOL_VERSION)
        .build();
  }
}
