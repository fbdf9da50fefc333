package io.guestbench.collector.journal;

/**
 * A damaged region in the middle of a segment: bytes {@code [start, end)} that hold no readable
 * frame, between two that do.
 *
 * @param reason one of the constants here: bounded, a metric label
 */
record Damage(int start, int end, String reason) {
  /** The frame header's magic, version or flags do not hold. */
  static final String HEADER = "header";

  /** The header looks right but the checksum over it and the payload does not match. */
  static final String CHECKSUM = "checksum";

  /** The frame header is zeros: a block lost or never written. */
  static final String ZEROS = "zeros";

  /** Damage that runs to the end of a segment and is no interrupted write. */
  static final String TAIL = "tail";

  /** The checksum held, yet the payload is no journal record. */
  static final String NOT_A_RECORD = "not_a_record";

  int length() {
    return end - start;
  }
}
