package io.guestbench.collector.security;

import io.grpc.Context;
import java.util.Objects;
import java.util.Set;

/**
 * Which agent ids a stream's credentials allow it to claim.
 *
 * @param via how the stream proved itself: "certificate", "token", or "none"
 * @param agentIds the ids it may claim (unless {@code anyAgent})
 * @param anyAgent true when any id is allowed
 */
public record Identity(String via, Set<String> agentIds, boolean anyAgent) {
  /** The identity of the current call, set by {@link AuthInterceptor}. */
  public static final Context.Key<Identity> CURRENT =
      Context.keyWithDefault("identity", unchecked());

  public Identity {
    Objects.requireNonNull(via, "via");
    agentIds = Set.copyOf(agentIds);
  }

  /** No authentication configured: any id is accepted. */
  public static Identity unchecked() {
    return anyAgent("none");
  }

  static Identity anyAgent(String via) {
    return new Identity(via, Set.of(), true);
  }

  public boolean permits(String agentId) {
    return anyAgent || agentIds.contains(agentId);
  }

  /** For error messages: never contains a secret. */
  public String describe() {
    return anyAgent ? via + " for any agent" : via + " for " + String.join(", ", agentIds);
  }
}
