package io.guestbench.agent.probe.net.wire;

/** What a test measures; each kind has its own data-plane behaviour on both sides. */
public enum TestKind {
  /** Bulk TCP over one or more connections. */
  STREAM,
  /** TCP request/response on one connection. */
  RR,
  /** A new TCP connection per request/response, closed after it. */
  CRR,
  /** UDP datagrams at a target rate; the peer counts loss, reordering and jitter. */
  UDP_STREAM,
  /** UDP request/response; a response that does not come back in time counts as lost. */
  UDP_RR;

  /** Whether the test uses the peer's UDP socket. */
  public boolean udp() {
    return this == UDP_STREAM || this == UDP_RR;
  }
}
