package io.guestbench.agent.probe.net.client;

/**
 * A test could not go on: the peer is unreachable, busy, not a guestbench peer, or went away. The
 * message is one line for the person reading the result. It is an exception because a test aborts
 * from deep inside a sequence of blocking steps; the probe turns it into an error result in one
 * place, so it never escapes as an exception.
 */
public final class PeerFailure extends Exception {
  public PeerFailure(String message) {
    super(message, null, false, false);
  }
}
