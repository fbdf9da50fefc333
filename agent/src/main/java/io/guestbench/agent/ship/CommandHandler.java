package io.guestbench.agent.ship;

import io.guestbench.proto.v1.Command;

/** Receives the collector's commands; must return quickly (queue the work). */
@FunctionalInterface
public interface CommandHandler {
  void handle(Command command);
}
