package io.guestbench.collector.ingest;

/** One life of an agent's sequence numbering: (agent_id, epoch) scopes a batch's seq. */
public record AgentKey(String agentId, long epoch) {}
