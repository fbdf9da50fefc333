package io.guestbench.agent.probe.net.peer;

import io.guestbench.agent.probe.net.wire.Transport;
import java.security.SecureRandom;

/** What every connection of one peer shares. */
record PeerParts(
    PeerSettings settings,
    Transport transport,
    PeerTests tests,
    PeerStats stats,
    int udpPort,
    SecureRandom random) {}
