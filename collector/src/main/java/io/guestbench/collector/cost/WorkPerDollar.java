package io.guestbench.collector.cost;

import io.guestbench.collector.compare.RatioInterval;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One group's work per dollar for one metric where higher is better: its median over its $/hour.
 *
 * @param group the value of the grouping label
 * @param perDollarHour the median divided by the group's price in $/hour (for IOPS, IOPS per
 *     $/hour); empty when the group has no runs or no single price
 * @param vsReference this group's work per dollar over the reference group's, with the compare
 *     report's bootstrap interval scaled by the price ratio (prices are constants, so the interval
 *     carries over exactly); empty for the reference itself or when either side lacks a figure
 * @param words the figure and how it was reached, or why there is none
 */
public record WorkPerDollar(
    String group, OptionalDouble perDollarHour, Optional<RatioInterval> vsReference, String words) {
  public WorkPerDollar {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(perDollarHour, "perDollarHour");
    Objects.requireNonNull(vsReference, "vsReference");
    Objects.requireNonNull(words, "words");
  }
}
