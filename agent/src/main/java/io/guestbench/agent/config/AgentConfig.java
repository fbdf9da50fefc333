package io.guestbench.agent.config;

import io.guestbench.agent.host.imds.ImdsSettings;
import io.guestbench.agent.plan.Plan;
import io.guestbench.agent.probe.net.peer.PeerSettings;
import io.guestbench.agent.ship.spool.SpoolSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's validated configuration.
 *
 * @param agentId stable identity, 1-64 characters of {@code [A-Za-z0-9._-]}
 * @param labels operator-declared labels sent in Hello (for example {@code experiment})
 * @param collector where and how to stream results
 * @param bufferMaxBytes bound of the in-memory outbox, and of the spool's memory buffer while its
 *     disk fails; oldest batches are dropped beyond it
 * @param plan what to run, how often
 * @param imds whether and where to ask the EC2 instance metadata service
 * @param peer how to serve network tests to other agents, when the agent serves them
 * @param peerAdvertise the host other agents reach the peer at, sent to the collector so it can
 *     pair this agent; empty when the peer binds every interface and no {@code net.advertise} is
 *     set
 * @param spool the durable spool, or empty to keep batches in memory only
 */
public record AgentConfig(
    String agentId,
    Map<String, String> labels,
    CollectorTarget collector,
    long bufferMaxBytes,
    Plan plan,
    ImdsSettings imds,
    Optional<PeerSettings> peer,
    Optional<String> peerAdvertise,
    Optional<SpoolSettings> spool) {
  public AgentConfig {
    Objects.requireNonNull(agentId, "agentId");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(imds, "imds");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(peerAdvertise, "peerAdvertise");
    Objects.requireNonNull(spool, "spool");
  }

  /** The same configuration with some values replaced from the command line. */
  public AgentConfig with(String newAgentId, CollectorTarget newCollector, Plan newPlan) {
    return new AgentConfig(
        newAgentId,
        labels,
        newCollector,
        bufferMaxBytes,
        newPlan,
        imds,
        peer,
        peerAdvertise,
        spool);
  }

  /** The same configuration with other IMDS settings (from the command line). */
  public AgentConfig withImds(ImdsSettings newImds) {
    return new AgentConfig(
        agentId, labels, collector, bufferMaxBytes, plan, newImds, peer, peerAdvertise, spool);
  }

  /** The same configuration with another spool (from the command line). */
  public AgentConfig withSpool(Optional<SpoolSettings> newSpool) {
    return new AgentConfig(
        agentId, labels, collector, bufferMaxBytes, plan, imds, peer, peerAdvertise, newSpool);
  }
}
