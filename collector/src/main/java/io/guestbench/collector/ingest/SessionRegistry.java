package io.guestbench.collector.ingest;

import com.google.inject.Singleton;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The open stream of each agent; a newer stream for the same agent replaces the older one. */
@Singleton
public final class SessionRegistry {
  private final ConcurrentMap<String, AgentSession> byAgent = new ConcurrentHashMap<>();

  void register(String agentId, AgentSession session) {
    AgentSession previous = byAgent.put(agentId, session);
    if (previous != null && previous != session) {
      previous.replaced();
    }
  }

  /** Removes the session if it is still the agent's current one; true when it was. */
  boolean unregister(String agentId, AgentSession session) {
    return byAgent.remove(agentId, session);
  }

  /** Sends Drain to every open stream. */
  public void drainAll(String reason) {
    List.copyOf(byAgent.values()).forEach(s -> s.drain(reason));
  }

  /** The agents whose stream is open and welcomed now. */
  public List<ConnectedAgent> connected() {
    return byAgent.values().stream().flatMap(s -> s.connected().stream()).toList();
  }

  public int size() {
    return byAgent.size();
  }
}
