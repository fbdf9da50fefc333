package io.guestbench.collector.ingest;

import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.Hello;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where accepted results are kept. A batch is acknowledged only after the stage {@link #store}
 * returns completes with {@link StoreOutcome#STORED} or {@link StoreOutcome#DUPLICATE}, and a
 * (agent, epoch, seq) key that was stored before is never stored again. The in-memory store keeps
 * the dedupe index for the process's life; the journal keeps the same contract across restarts.
 */
public interface ResultStore {

  /** The highest seq durably stored for {@code key}, or 0. */
  long highestStored(AgentKey key);

  /**
   * The highest seq stored for {@code key} once every batch of that key handed to {@link #store}
   * before this call has been stored or refused: what a Welcome may promise. Read earlier, a batch
   * still on its way to disk from the agent's previous stream could be stored after the Welcome
   * said it was not, and an agent that has already dropped it (age cap) would count it dropped.
   */
  default CompletionStage<Long> highestSettled(AgentKey key) {
    return CompletableFuture.completedFuture(highestStored(key));
  }

  /**
   * Stores {@code results} under {@code seq} unless that seq is not above the highest stored one (a
   * duplicate). Never blocks on I/O: the stage completes once the batch is durable, or with a
   * retryable refusal when the store is busy or failing.
   *
   * @param stream identifies the stream the batch arrived on: once one of a stream's batches is
   *     refused, its later batches are refused too, so no later ack or Welcome can cover a gap
   */
  CompletionStage<StoreOutcome> store(
      AgentKey key, long seq, AgentLabels labels, List<ProbeResult> results, Object stream);

  /**
   * The agent behind {@code key} described itself in an accepted Hello (facts, labels); a store
   * that keeps results for later comparison keeps this with the batches that follow.
   */
  default void described(AgentKey key, Hello hello) {}

  /**
   * Whether the store has room for more batches now. When it has not, {@code onRoom} runs once it
   * has (on a store thread, holding no lock of the store), so a stream stops asking its agent for
   * messages instead of having batches refused: flow control rather than Nacks. {@code onRoom} may
   * also run after this returned true; it must be harmless then.
   */
  default boolean hasRoom(Runnable onRoom) {
    return true;
  }

  /** False while the store cannot make batches durable (disk full, I/O errors). */
  default boolean healthy() {
    return true;
  }
}
