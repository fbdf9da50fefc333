package io.guestbench.collector.report;

/**
 * What went wrong in one group's runs, counted, so "which gives less trouble" has numbers.
 *
 * @param group the group
 * @param agents instances (agents) that ran probes in it
 * @param runs probe runs
 * @param errors runs that ended in an error
 * @param timeouts runs that ran out of time
 * @param agentHours the summed span of each agent's runs, first start to last start, in hours
 * @param medianSteal the median fraction of CPU time stolen during its runs; NaN when none said
 * @param stealyRuns runs with more steal than the comparison accepts
 * @param tailExcursions distributions whose 99th percentile was over {@link
 *     TroubleCounter#TAIL_FACTOR} times their median
 * @param reconnects streams each agent opened after its first, summed: reconnections after errors
 *     and outages, and also the planned stream recycling ({@code collector.max_stream_lifetime}),
 *     which both groups share; -1 when the source cannot tell
 * @param riskyFacts agents with each risky host fact ({@link RiskyFacts}), by fact; absent where
 *     the source has no facts
 */
public record GroupTrouble(
    String group,
    int agents,
    long runs,
    long errors,
    long timeouts,
    double agentHours,
    double medianSteal,
    long stealyRuns,
    long tailExcursions,
    long reconnects,
    java.util.Map<String, Integer> riskyFacts) {
  public GroupTrouble {
    riskyFacts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(riskyFacts));
  }

  /** Reconnects per agent-hour; NaN when no time was covered or the source cannot tell. */
  public double reconnectsPerAgentHour() {
    return agentHours > 0 && reconnects >= 0 ? reconnects / agentHours : Double.NaN;
  }

  /** Errors and timeouts per agent-hour; NaN when no time was covered. */
  public double failuresPerAgentHour() {
    return agentHours > 0 ? (errors + timeouts) / agentHours : Double.NaN;
  }
}
