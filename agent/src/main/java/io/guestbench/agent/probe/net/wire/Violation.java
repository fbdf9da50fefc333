package io.guestbench.agent.probe.net.wire;

import java.util.Locale;

/** Why a connection was dropped for not speaking the protocol; a bounded set, for counters. */
public enum Violation {
  /** The first bytes are not the guestbench magic: some other protocol, or noise. */
  BAD_MAGIC,
  /** Our magic, another protocol revision. */
  BAD_VERSION,
  /** A frame type this revision does not have. */
  UNKNOWN_TYPE,
  /** A frame longer than allowed at this point. */
  TOO_LARGE,
  /** A control payload that does not decode. */
  MALFORMED,
  /** A valid frame at a point where it makes no sense. */
  UNEXPECTED,
  /** The client did not complete the handshake in time. */
  HANDSHAKE_TIMEOUT,
  /** A data connection that named no running test, or someone else's. */
  UNKNOWN_TEST,
  /** A wrong or missing proof of the shared secret. */
  AUTH_FAILED,
  /** More connections than the peer allows at once. */
  TOO_MANY_CONNECTIONS;

  /** The counter label, for example {@code bad_magic}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
