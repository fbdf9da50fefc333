package io.guestbench.agent.ship.spool;

import io.guestbench.common.time.Clock;

/**
 * The spool's bounds on what it holds: batches older than {@code spool.max_age} are dropped, then
 * the oldest on disk while their bytes exceed {@code spool.max_bytes} (the newest always stays).
 */
final class SpoolCaps {
  private final SpoolSettings settings;
  private final Clock clock;
  private final HeldBatches held;
  private final Releases releases;

  SpoolCaps(SpoolSettings settings, Clock clock, HeldBatches held, Releases releases) {
    this.settings = settings;
    this.clock = clock;
    this.held = held;
    this.releases = releases;
  }

  void enforce() {
    long oldest = clock.wallNanos() - settings.maxAge().toNanos();
    while (held.size() > 0 && held.first().createdNanos() < oldest) {
      releases.drop(held.firstSeq(), Spool.AGE_CAP);
    }
    while (held.diskBytes() > settings.maxBytes() && held.onDisk() > 1) {
      releases.dropOldest(Held.OnDisk.class, Spool.BYTES_CAP);
    }
  }
}
