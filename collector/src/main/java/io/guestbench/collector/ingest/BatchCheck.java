package io.guestbench.collector.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.collector.metrics.CheckedBatch;
import io.guestbench.collector.metrics.Problem;
import io.guestbench.collector.metrics.ResultMetrics;
import io.guestbench.proto.v1.BatchView;
import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Splits a batch into results that can be stored and results refused with a counted reason, so one
 * bad result never costs the good ones beside it.
 */
final class BatchCheck {
  /** A result whose bytes do not parse as a ProbeResult. */
  static final String MALFORMED = "malformed_result";

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
  Verdict check(AgentLabels agent, BatchView batch) {
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
    for (ByteString encoded : batch.getResultsList()) {
      Optional<Refusal> refusal = checkOne(agent, encoded, accepted);
      if (refusal.isPresent()) {
        rejected.merge(refusal.get().reason(), 1, Integer::sum);
        detail = detail.isEmpty() ? refusal.get().detail() : detail;
      }
    }
    return new Verdict(accepted, rejected, detail);
  }

  private record Refusal(String reason, String detail) {}

  /** Adds one result to {@code accepted}, or says why it is refused. */
  private Optional<Refusal> checkOne(AgentLabels agent, ByteString encoded, CheckedBatch accepted) {
    ProbeResult result;
    try {
      result = ResultBytes.parse(encoded);
    } catch (InvalidProtocolBufferException e) {
      return Optional.of(new Refusal(MALFORMED, MALFORMED + ": " + e.getMessage()));
    }
    ResultMetrics.Checked checked = metrics.checkToRecord(result);
    List<Problem> problems = checked.problems();
    if (problems.isEmpty()) {
      problems = metrics.admit(agent, checked).map(List::of).orElse(List.of());
    }
    if (problems.isEmpty()) {
      accepted.accept(checked, encoded);
      return Optional.empty();
    }
    Problem first = problems.getFirst();
    return Optional.of(new Refusal(first.reason().label(), first.toString()));
  }

  private static Verdict refuseAll(BatchView batch, String reason, String detail) {
    return new Verdict(List.of(), Map.of(reason, Math.max(1, batch.getResultsCount())), detail);
  }
}
