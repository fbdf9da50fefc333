package io.guestbench.collector.compare;

/**
 * The outcome of a two-sided Mann–Whitney U (Wilcoxon rank-sum) test of one group against another.
 *
 * @param u the U statistic of the first group: how many (first, second) pairs have the first value
 *     larger, ties counting one half
 * @param p the two-sided p-value
 * @param exact true when p comes from the exact null distribution (no ties, both groups under 50
 *     runs), false for the normal approximation with tie and continuity corrections
 */
public record RankTest(double u, double p, boolean exact) {}
