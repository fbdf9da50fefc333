package io.guestbench.agent.ship.spool;

import java.util.Map;
import java.util.TreeMap;

/** What the spool found damaged: records quarantined by reason, and torn tails cut off. */
final class SpoolDamage implements SegmentLog.Findings {
  private final Map<String, Long> quarantined = new TreeMap<>();
  private long tornTails;

  @Override
  public void quarantined(String reason) {
    quarantined.merge(reason, 1L, Long::sum);
  }

  @Override
  public void tornTail() {
    tornTails++;
  }

  /** Quarantined records by reason; the live map, read under the spool's lock. */
  Map<String, Long> quarantinedByReason() {
    return quarantined;
  }

  long tornTails() {
    return tornTails;
  }

  /** True when anything was damaged. */
  boolean any() {
    return tornTails > 0 || !quarantined.isEmpty();
  }
}
