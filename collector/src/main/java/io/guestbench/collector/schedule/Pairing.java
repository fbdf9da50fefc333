package io.guestbench.collector.schedule;

import java.util.Objects;

/**
 * One network test: {@code client} measures against {@code server}'s peer port.
 *
 * @param client the agent that runs the test and reports the result
 * @param server the agent whose peer serves it
 */
public record Pairing(String client, String server) {
  public Pairing {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(server, "server");
    if (client.equals(server)) {
      throw new IllegalArgumentException("an agent cannot test against itself: " + client);
    }
  }
}
