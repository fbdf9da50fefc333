package io.guestbench.agent.runtime;

import io.guestbench.agent.config.AgentConfig;
import io.guestbench.agent.ship.HelloSource;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.HostFacts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The agent's Hello: its id, configured labels, the host facts gathered at start and, when it
 * serves network tests, where other agents reach its peer.
 */
final class AgentHello implements HelloSource {
  static final int PROTOCOL_VERSION = 2;
  private static final Logger log = Logger.getLogger(AgentHello.class.getName());

  private static final long FACTS_WAIT_MILLIS = 30_000;

  private final AgentConfig config;
  private final CompletableFuture<HostFacts> facts;
  private final String version;
  private final long waitMillis;
  private final Supplier<String> peerAddress;

  AgentHello(
      AgentConfig config,
      CompletableFuture<HostFacts> facts,
      String version,
      Supplier<String> peerAddress) {
    this.config = config;
    this.facts = facts;
    this.version = version;
    this.peerAddress = peerAddress;
    // The facts include the timer check, which takes seconds on a busy machine; a Hello without
    // them stays on the stream for its whole life, so waiting here is the lesser cost.
    this.waitMillis = factsWaitMillis(config);
    facts.thenAccept(this::warnOnDisagreement);
  }

  /** How long the first Hello (and the plan's first round) wait for the host facts. */
  static long factsWaitMillis(AgentConfig config) {
    return config.imds().totalDeadline().toMillis() + FACTS_WAIT_MILLIS;
  }

  @Override
  public Hello hello(long epoch, long firstUnackedSeq) {
    return Hello.newBuilder()
        .setAgentId(config.agentId())
        .setEpoch(epoch)
        .setAgentVersion(version)
        .setFacts(facts())
        .putAllLabels(config.labels())
        .setFirstUnackedSeq(firstUnackedSeq)
        .setProtocolVersion(PROTOCOL_VERSION)
        .setPeerAddress(peerAddress.get())
        .build();
  }

  private HostFacts facts() {
    try {
      return facts.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warning("host facts not ready (" + e + "); connecting without them");
      return HostFacts.newBuilder().setVirtType("unknown").build();
    }
  }

  /** The operator may declare a guest type; when the evidence says otherwise, say so once. */
  private void warnOnDisagreement(HostFacts detected) {
    String declared = config.labels().get("virt_type");
    String found = detected.getVirtType();
    if (declared != null && !found.equals("unknown") && !declared.equals(found)) {
      log.warning(
          "declared virt_type "
              + declared
              + " disagrees with the detected "
              + found
              + "; series use the declared one, guestbench_agent_info shows both");
    }
  }
}
