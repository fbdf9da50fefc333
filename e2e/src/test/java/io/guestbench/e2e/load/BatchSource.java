package io.guestbench.e2e.load;

import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Batches of {@code size} results drawn from a fixed pool, so the generator spends its CPU on the
 * wire and not on making results. A sample is one scalar or one distribution of a result.
 */
final class BatchSource {
  private final List<ProbeResult> pool;
  private final int[] samples;
  private final int size;

  /** One batch ready to send, with what it carries. */
  record Next(AgentMessage message, int results, int samples) {}

  BatchSource(List<ProbeResult> pool, int size) {
    if (pool.isEmpty() || size < 1) {
      throw new IllegalArgumentException("need results and a positive batch size");
    }
    this.pool = List.copyOf(pool);
    this.samples = pool.stream().mapToInt(BatchSource::samples).toArray();
    this.size = size;
  }

  /** The samples a result carries: each scalar and each distribution counts once. */
  static int samples(ProbeResult result) {
    return result.getScalarsCount() + result.getDistributionsCount();
  }

  Next next(long seq) {
    Batch.Builder batch =
        Batch.newBuilder()
            .setSeq(seq)
            .setCreatedTimeUnixNano(System.currentTimeMillis() * 1_000_000L);
    int start = ThreadLocalRandom.current().nextInt(pool.size());
    int carried = 0;
    for (int i = 0; i < size; i++) {
      int k = (start + i) % pool.size();
      batch.addResults(pool.get(k));
      carried += samples[k];
    }
    return new Next(AgentMessage.newBuilder().setBatch(batch).build(), size, carried);
  }
}
