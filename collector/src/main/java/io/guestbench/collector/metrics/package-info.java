/**
 * Probe results as Prometheus metrics: a fixed catalogue of families, checked before anything is
 * recorded, so that nothing a remote agent sends can become a metric name or an unbounded label.
 * {@link io.guestbench.collector.metrics.ResultMetrics} is the one entry point.
 */
package io.guestbench.collector.metrics;
