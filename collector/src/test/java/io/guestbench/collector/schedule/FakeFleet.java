package io.guestbench.collector.schedule;

import io.guestbench.collector.ingest.ConnectedAgent;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connected agents for the scheduler's tests: each records the commands it was sent, and when. */
final class FakeFleet implements Roster {
  /** A command as an agent received it. */
  record Received(String client, String server, Command command, long sentNanos) {
    long start() {
      return command.getNotBeforeUnixNano();
    }

    long end() {
      return command.getDeadlineUnixNano();
    }

    boolean involves(String agent) {
      return client.equals(agent) || server.equals(agent);
    }
  }

  private final Clock clock;
  private final Map<String, ConnectedAgent> agents = new LinkedHashMap<>();
  private final Map<String, String> serverByAddress = new LinkedHashMap<>();
  private final List<Received> received = new ArrayList<>();
  private final List<Received> holds = new ArrayList<>();
  private final List<String> closed = new ArrayList<>();

  FakeFleet(Clock clock) {
    this.clock = clock;
  }

  /** Connects an agent whose peer listens at {@code address} (empty: none). */
  void join(String id, String experiment, String address) {
    serverByAddress.put(address, id);
    agents.put(id, new ConnectedAgent(id, experiment, address, c -> accept(id, c)));
  }

  /** Connects an agent at a made-up address of its own. */
  void join(String id, String experiment) {
    join(id, experiment, id + ".internal:7071");
  }

  void leave(String id) {
    agents.remove(id);
  }

  /** The agent stays in the roster but its stream refuses commands, as a closing one does. */
  void closeStream(String id) {
    closed.add(id);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public List<ConnectedAgent> connected() {
    return List.copyOf(agents.values());
  }

  /** Hold commands, by the agent they were sent to. */
  List<Received> holds() {
    return List.copyOf(holds);
  }

  private boolean accept(String client, Command command) {
    if (closed.contains(client)) {
      return false;
    }
    if (command.hasHold()) {
      holds.add(new Received(client, client, command, clock.wallNanos()));
      return true;
    }
    String server = serverByAddress.get(command.getRunProbe().getParamsOrThrow("peer"));
    received.add(new Received(client, server, command, clock.wallNanos()));
    return true;
  }
}
