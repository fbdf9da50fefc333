package io.guestbench.collector.ingest;

import com.google.inject.Inject;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Applies results to the metrics and remembers the highest stored seq per agent epoch. */
public final class MemoryResultStore implements ResultStore {
  private final ConcurrentMap<AgentKey, Long> highest = new ConcurrentHashMap<>();
  private final ResultMetrics metrics;

  @Inject
  public MemoryResultStore(ResultMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public long highestStored(AgentKey key) {
    return highest.getOrDefault(key, 0L);
  }

  @Override
  public boolean store(AgentKey key, long seq, AgentLabels labels, List<ProbeResult> results) {
    boolean[] fresh = {false};
    highest.compute(
        key,
        (k, previous) -> {
          if (previous != null && seq <= previous) {
            return previous;
          }
          results.forEach(r -> metrics.record(labels, r));
          fresh[0] = true;
          return seq;
        });
    return fresh[0];
  }
}
