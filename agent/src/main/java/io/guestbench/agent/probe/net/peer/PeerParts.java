package io.guestbench.agent.probe.net.peer;

import java.security.SecureRandom;

/** What every connection of one peer shares. */
record PeerParts(
    PeerSettings settings, PeerTests tests, PeerStats stats, int udpPort, SecureRandom random) {}
