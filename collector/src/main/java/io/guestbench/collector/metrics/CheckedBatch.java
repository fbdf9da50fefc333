package io.guestbench.collector.metrics;

import com.google.protobuf.ByteString;
import io.guestbench.proto.v1.ProbeResult;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * The accepted results of one batch, each with what its distributions add to their series as worked
 * out by {@link ResultMetrics#checkToRecord}, and its bytes as the agent encoded them. {@link
 * ResultMetrics#record(AgentLabels, List)} applies the former without decoding the histograms a
 * second time; the journal appends the latter without encoding the results a second time. A
 * read-only list of the results to everything else.
 */
public final class CheckedBatch extends AbstractList<ProbeResult> implements RandomAccess {
  private final List<ProbeResult> results = new ArrayList<>();
  private final List<List<HistogramDelta>> deltas = new ArrayList<>();
  private final List<ByteString> encoded = new ArrayList<>();
  private final List<ProbeLabels> labels = new ArrayList<>();

  /**
   * Adds a result whose check found no problems.
   *
   * @param encoded the bytes {@code checked}'s result was parsed from, which parse as it alone
   */
  public void accept(ResultMetrics.Checked checked, ByteString encoded) {
    if (!checked.problems().isEmpty()) {
      throw new IllegalArgumentException("a result with problems: " + checked.problems());
    }
    results.add(checked.result());
    deltas.add(checked.deltas());
    labels.add(checked.labels());
    this.encoded.add(encoded);
  }

  @Override
  public ProbeResult get(int index) {
    return results.get(index);
  }

  @Override
  public int size() {
    return results.size();
  }

  /** Each result's bytes as received, in order. */
  public List<ByteString> encoded() {
    return Collections.unmodifiableList(encoded);
  }

  List<HistogramDelta> deltas(int index) {
    return deltas.get(index);
  }

  /** The result's labels as admitted, or null when it was not. */
  ProbeLabels labels(int index) {
    return labels.get(index);
  }
}
