package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.Heartbeat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Copies an agent's heartbeat counts into its series, keeping the reason label bounded. */
final class HeartbeatGauges {
  /** Reasons kept per agent; more are summed under "other", so a bad agent cannot add series. */
  static final int MAX_REASONS = 8;

  private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private HeartbeatGauges() {}

  static void record(AgentSeries series, AgentLabels agent, Heartbeat heartbeat) {
    List<String> labels = agent.values();
    series.setGauge(Families.AGENT_PRODUCED, labels, heartbeat.getProducedResults());
    series.setGauge(Families.AGENT_RECOVERED, labels, heartbeat.getRecoveredResults());
    series.setGauge(Families.AGENT_ACKNOWLEDGED, labels, heartbeat.getAcknowledgedResults());
    series.setGauge(Families.AGENT_BUFFERED, labels, heartbeat.getBufferedResults());
    series.setGauge(Families.AGENT_BUFFERED_BYTES, labels, heartbeat.getBufferedBytes());
    series.setGauge(
        Families.AGENT_SPOOL_DEGRADED, labels, heartbeat.getSpool().getDegraded() ? 1 : 0);
    byReason(series, Families.AGENT_DROPPED, labels, heartbeat.getDroppedResultsByReasonMap());
    byReason(series, Families.AGENT_REJECTED, labels, heartbeat.getRejectedResultsByReasonMap());
  }

  private static void byReason(
      AgentSeries series, Family family, List<String> labels, Map<String, Long> reported) {
    bounded(reported)
        .forEach((reason, n) -> series.setGauge(family, Families.with(labels, reason), n));
  }

  /** At most {@link #MAX_REASONS} well-formed reasons, in name order; the rest as "other". */
  static Map<String, Long> bounded(Map<String, Long> reported) {
    Map<String, Long> out = new TreeMap<>();
    long other = 0;
    for (Map.Entry<String, Long> e : new TreeMap<>(reported).entrySet()) {
      boolean fits = REASON.matcher(e.getKey()).matches() && out.size() < MAX_REASONS - 1;
      if (fits && !e.getKey().equals("other")) {
        out.put(e.getKey(), e.getValue());
      } else {
        other += e.getValue();
      }
    }
    if (other > 0) {
      out.put("other", other);
    }
    return out;
  }
}
