package io.guestbench.collector.ingest;

import io.guestbench.collector.metrics.ResultMetrics;
import java.util.function.Supplier;

/**
 * What every agent session shares.
 *
 * @param collectorId this replica's name, sent in Welcome
 * @param limits what one stream may send
 * @param rates a fresh results-per-second bucket for each stream
 */
record IngestContext(
    String collectorId,
    IngestLimits limits,
    ResultStore store,
    ResultMetrics metrics,
    BatchCheck batchCheck,
    SessionRegistry sessions,
    IngestCounters counters,
    Supplier<ResultRate> rates) {}
