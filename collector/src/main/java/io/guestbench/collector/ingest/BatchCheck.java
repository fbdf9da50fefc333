package io.guestbench.collector.ingest;

import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.CheckedBatch;
import io.guestbench.collector.metrics.Problem;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a batch into results that can be stored and results refused with a counted reason, so one
 * bad result never costs the good ones beside it.
 */
final class BatchCheck {
  private final ResultMetrics metrics;
  private final int maxResults;

  BatchCheck(ResultMetrics metrics, int maxResults) {
    this.metrics = metrics;
    this.maxResults = maxResults;
  }

  /**
   * What to store and what was refused.
   *
   * @param accepted results to store; empty means the whole batch is refused
   * @param rejected refused results by reason
   * @param detail the first refusal, for the Nack and logs
   */
  record Verdict(List<ProbeResult> accepted, Map<String, Integer> rejected, String detail) {
    String summaryReason() {
      return rejected.isEmpty() ? "rejected" : rejected.keySet().iterator().next();
    }
  }

  /** Checks every result, and charges the good ones to {@code agent}'s series budgets. */
  Verdict check(AgentLabels agent, Batch batch) {
    if (batch.getSeq() == 0) {
      return refuseAll(batch, "bad_seq", "seq must be positive");
    }
    if (batch.getResultsCount() == 0) {
      return new Verdict(List.of(), Map.of("empty_batch", 1), "a batch needs at least one result");
    }
    if (batch.getResultsCount() > maxResults) {
      return refuseAll(batch, "too_many_results", "more than " + maxResults + " results");
    }
    // Checked results keep their histograms bucketed, so recording them does not decode again.
    CheckedBatch accepted = new CheckedBatch();
    Map<String, Integer> rejected = new TreeMap<>();
    String detail = "";
    for (ProbeResult result : batch.getResultsList()) {
      ResultMetrics.Checked checked = metrics.checkToRecord(result);
      List<Problem> problems = checked.problems();
      if (problems.isEmpty()) {
        problems = metrics.admit(agent, result).map(List::of).orElse(List.of());
      }
      if (problems.isEmpty()) {
        accepted.accept(checked);
      } else {
        rejected.merge(problems.getFirst().reason().label(), 1, Integer::sum);
        detail = detail.isEmpty() ? problems.getFirst().toString() : detail;
      }
    }
    return new Verdict(accepted, rejected, detail);
  }

  private static Verdict refuseAll(Batch batch, String reason, String detail) {
    return new Verdict(List.of(), Map.of(reason, Math.max(1, batch.getResultsCount())), detail);
  }
}
