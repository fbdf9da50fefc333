package io.guestbench.collector.schedule;

import io.guestbench.collector.ingest.ConnectedAgent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Sorts the connected agents into experiments of agents that can be paired: each advertises a valid
 * peer address. An agent left out is counted and logged once per appearance, not per poll.
 */
final class Membership {
  private static final Logger log = Logger.getLogger(Membership.class.getName());

  private final ScheduleCounters counters;
  private final Map<String, ScheduleCounters.Skip> excluded = new HashMap<>();

  Membership(ScheduleCounters counters) {
    this.counters = counters;
  }

  /** Experiment to (agent id to peer address), only agents that can take part. */
  Map<String, Map<String, String>> experiments(List<ConnectedAgent> agents) {
    Map<String, Map<String, String>> groups = new TreeMap<>();
    Map<String, ScheduleCounters.Skip> stillExcluded = new HashMap<>();
    for (ConnectedAgent agent : agents) {
      Optional<ScheduleCounters.Skip> why = problem(agent.peerAddress());
      if (why.isPresent()) {
        stillExcluded.put(agent.agentId(), why.get());
        if (excluded.get(agent.agentId()) != why.get()) {
          counters.skipped(why.get());
          log.info(
              "agent "
                  + agent.agentId()
                  + " is not paired for network tests: "
                  + why.get().label());
        }
      } else {
        groups
            .computeIfAbsent(agent.experiment(), e -> new TreeMap<>())
            .put(agent.agentId(), agent.peerAddress());
      }
    }
    excluded.clear();
    excluded.putAll(stillExcluded);
    return groups;
  }

  private static Optional<ScheduleCounters.Skip> problem(String address) {
    if (address.isEmpty()) {
      return Optional.of(ScheduleCounters.Skip.NO_PEER_ADDRESS);
    }
    return PeerAddresses.valid(address)
        ? Optional.empty()
        : Optional.of(ScheduleCounters.Skip.BAD_PEER_ADDRESS);
  }
}
