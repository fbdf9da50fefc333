package io.guestbench.collector.ingest;

import io.guestbench.collector.metrics.ResultMetrics;

/**
 * What every agent session shares.
 *
 * @param collectorId this replica's name, sent in Welcome
 * @param maxMessageBytes the largest message the server accepts
 */
record IngestContext(
    String collectorId,
    int maxMessageBytes,
    ResultStore store,
    ResultMetrics metrics,
    BatchCheck batchCheck,
    SessionRegistry sessions,
    IngestCounters counters) {}
