package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.config.HostPort;
import io.guestbench.agent.probe.net.wire.PeerSecret;
import io.guestbench.agent.probe.net.wire.Transport;
import java.util.Objects;
import java.util.Optional;

/**
 * The peer a test runs against and how to reach it.
 *
 * @param peer the peer's host and TCP port
 * @param secret the shared secret, when the peer requires one
 * @param transport the local Netty transport
 */
public record NetTarget(HostPort peer, Optional<PeerSecret> secret, Transport transport) {
  public NetTarget {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(transport, "transport");
  }

  /** {@code host:port} for messages. */
  public String address() {
    return (peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host()) + ":" + peer.port();
  }
}
