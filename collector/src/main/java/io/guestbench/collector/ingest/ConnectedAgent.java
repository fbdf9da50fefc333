package io.guestbench.collector.ingest;

import io.guestbench.proto.v1.Command;
import java.util.Objects;

/**
 * An agent with an open stream, as the scheduler sees it.
 *
 * @param agentId the agent's id
 * @param experiment its {@code experiment} label, empty when it declares none
 * @param peerAddress where its network-test peer listens, as the agent advertised it (unchecked);
 *     empty when it serves none
 * @param commands sends a command down this agent's stream
 */
public record ConnectedAgent(
    String agentId, String experiment, String peerAddress, CommandSink commands) {
  public ConnectedAgent {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(peerAddress, "peerAddress");
    Objects.requireNonNull(commands, "commands");
  }

  /** Sends a command on one agent's stream. */
  @FunctionalInterface
  public interface CommandSink {
    /** False when the stream has closed and the command was not sent. */
    boolean send(Command command);
  }
}
