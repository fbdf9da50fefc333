package io.guestbench.agent.probe.net.wire;

import java.util.List;
import java.util.Locale;

/** Which way bulk data flows, seen from the agent that runs the test. */
public enum Direction {
  /** From this agent to the peer. */
  SEND,
  /** From the peer to this agent. */
  RECEIVE,
  /** Both ways at once, on the same connections. */
  BOTH;

  /** The label as params and metrics spell it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> labels() {
    return List.of("send", "receive", "both");
  }

  public static Direction byLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  public boolean clientSends() {
    return this != RECEIVE;
  }

  public boolean peerSends() {
    return this != SEND;
  }
}
