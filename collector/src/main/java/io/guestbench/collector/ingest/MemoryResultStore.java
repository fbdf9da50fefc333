package io.guestbench.collector.ingest;

import com.google.inject.Inject;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Applies results to the metrics and remembers the highest stored seq per agent epoch, for the
 * process's life only (tests, and in-process setups that need no durability).
 */
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
  public CompletionStage<StoreOutcome> store(
      AgentKey key, long seq, AgentLabels labels, List<ProbeResult> results, Object stream) {
    boolean[] fresh = {false};
    highest.compute(
        key,
        (k, previous) -> {
          if (previous != null && seq <= previous) {
            return previous;
          }
          metrics.record(labels, results);
          fresh[0] = true;
          return seq;
        });
    return CompletableFuture.completedFuture(
        fresh[0] ? StoreOutcome.STORED : StoreOutcome.DUPLICATE);
  }
}
