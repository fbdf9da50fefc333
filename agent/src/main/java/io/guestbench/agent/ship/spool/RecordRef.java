package io.guestbench.agent.ship.spool;

/** Where a held batch lies on disk, and what the spool needs to know of it without reading it. */
record RecordRef(
    Segment segment, long offset, int payloadBytes, long seq, long createdNanos, int results) {
  int recordBytes() {
    return RecordFormat.HEADER_BYTES + payloadBytes;
  }
}
