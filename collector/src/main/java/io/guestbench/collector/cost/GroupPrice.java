package io.guestbench.collector.cost;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What one group's machines cost per hour.
 *
 * @param group the value of the grouping label
 * @param instanceTypes the instance types its runs ran on
 * @param price the price of its one instance type; empty when the group mixes types or regions, or
 *     the table has no price for it
 * @param words the price with its date and source, or why there is none, as a sentence
 */
public record GroupPrice(
    String group, SortedSet<String> instanceTypes, Optional<Price> price, String words) {
  public GroupPrice {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(instanceTypes, "instanceTypes");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(words, "words");
  }
}
