/**
 * The compare engine: groups probe results by a label (default {@code virt_type}) and, for each
 * probe configuration and metric, summarises each group, estimates the ratio of medians with a
 * seeded bootstrap interval, runs a Mann–Whitney rank test and words a verdict that knows whether
 * higher or lower is better. Pure computation, no I/O: the sources (the journal, a Prometheus query
 * API) and the outputs (page, JSON, report) are built on {@link
 * io.guestbench.collector.compare.CompareEngine}.
 */
package io.guestbench.collector.compare;
