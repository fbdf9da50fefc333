package io.guestbench.collector.journal;

import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.Objects;

/**
 * One batch as the journal keeps it: whose, which seq, when it was stored, the agent's series
 * labels and the accepted results.
 *
 * @param storedTimeUnixNano collector wall time when the batch was appended
 */
public record StoredBatch(
    AgentKey key,
    long seq,
    long storedTimeUnixNano,
    AgentLabels labels,
    List<ProbeResult> results) {
  public StoredBatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(labels, "labels");
    results = List.copyOf(results);
  }
}
