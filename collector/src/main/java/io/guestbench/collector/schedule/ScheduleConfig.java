package io.guestbench.collector.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code schedule} section: whether the collector pairs its agents for network tests, and how.
 *
 * @param enabled whether the scheduler runs at all
 * @param slot how long each test gets: its command's deadline is the slot's end
 * @param gap quiet time after each slot before the next begins; it also absorbs clock differences
 *     between agents
 * @param lead how long before a slot starts its commands are sent
 * @param every the shortest time between the starts of two cycles through every pair
 * @param tests what runs between each pair, one test per slot
 */
public record ScheduleConfig(
    boolean enabled,
    Duration slot,
    Duration gap,
    Duration lead,
    Duration every,
    List<NetTest> tests) {
  public ScheduleConfig {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(every, "every");
    tests = List.copyOf(tests);
    if (slot.isZero() || slot.isNegative()) {
      throw new IllegalArgumentException("slot " + slot);
    }
  }

  /** The scheduler off, with the documented defaults for everything else. */
  public static ScheduleConfig disabled() {
    return new ScheduleConfig(
        false,
        ScheduleConfigReader.SLOT,
        ScheduleConfigReader.GAP,
        ScheduleConfigReader.LEAD,
        ScheduleConfigReader.EVERY,
        List.of());
  }
}
