package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeResult;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The accepted results of one batch, each with what its distributions add to their series as worked
 * out by {@link ResultMetrics#checkToRecord}; {@link ResultMetrics#record(AgentLabels, List)} then
 * applies them without decoding the histograms a second time. A read-only list of the results to
 * everything else (the journal stores them as it would any list).
 */
public final class CheckedBatch extends AbstractList<ProbeResult> implements RandomAccess {
  private final List<ProbeResult> results = new ArrayList<>();
  private final List<List<HistogramDelta>> deltas = new ArrayList<>();

  /** Adds a result whose check found no problems. */
  public void accept(ResultMetrics.Checked checked) {
    if (!checked.problems().isEmpty()) {
      throw new IllegalArgumentException("a result with problems: " + checked.problems());
    }
    results.add(checked.result());
    deltas.add(checked.deltas());
  }

  @Override
  public ProbeResult get(int index) {
    return results.get(index);
  }

  @Override
  public int size() {
    return results.size();
  }

  List<HistogramDelta> deltas(int index) {
    return deltas.get(index);
  }
}
