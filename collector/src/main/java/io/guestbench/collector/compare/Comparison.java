package io.guestbench.collector.compare;

import java.util.Optional;

/**
 * One group against the reference group for one configuration and metric.
 *
 * @param group the group
 * @param reference the reference group
 * @param ratio the ratio of medians (group over reference) with its bootstrap interval; empty when
 *     either group has no runs or a value at or below zero
 * @param test the Mann–Whitney test; empty when either group has no runs
 * @param verdict the conclusion in words
 */
public record Comparison(
    String group,
    String reference,
    Optional<RatioInterval> ratio,
    Optional<RankTest> test,
    Verdict verdict) {}
