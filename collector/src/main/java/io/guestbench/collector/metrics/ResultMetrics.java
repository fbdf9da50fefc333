package io.guestbench.collector.metrics;

import static java.util.stream.Collectors.toUnmodifiableSet;

import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Heartbeat;
import io.guestbench.proto.v1.ProbeResult;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Probe results and agent presence as Prometheus metrics, from a fixed catalogue of families;
 * registers itself with the registry it is given. Thread-safe. Call {@link #check} on every result
 * and {@link #record} only on those without problems.
 */
@Singleton
public final class ResultMetrics implements MultiCollector {
  private final Clock clock;
  private final List<Family> families;
  private final Set<String> prometheusNames;
  private final ResultChecker checker;
  private final ResultRecorder recorder;
  private final Catalogue catalogue;
  private final SeriesBudget budget;
  private final ConcurrentHashMap<String, AgentSeries> agents = new ConcurrentHashMap<>();

  @Inject
  public ResultMetrics(PrometheusRegistry registry, Clock clock) {
    this(registry, clock, SeriesLimits.DEFAULT);
  }

  public ResultMetrics(PrometheusRegistry registry, Clock clock, SeriesLimits limits) {
    this(registry, clock, Catalogue.standard(), limits);
  }

  ResultMetrics(
      PrometheusRegistry registry, Clock clock, Catalogue catalogue, SeriesLimits limits) {
    this.clock = clock;
    this.catalogue = catalogue;
    this.families = catalogue.families();
    this.prometheusNames =
        families.stream().map(f -> f.metadata().getPrometheusName()).collect(toUnmodifiableSet());
    // Each thread that checks or records keeps one decoder with its buffers: no garbage per result.
    ThreadLocal<HdrDecoder> decoders = ThreadLocal.withInitial(HdrDecoder::new);
    this.checker = new ResultChecker(catalogue, decoders);
    this.recorder = new ResultRecorder(catalogue, decoders);
    this.budget = new SeriesBudget(limits.perAgent(), limits.global());
    registry.register(this);
  }

  /** What stops {@code r} from being recorded; empty when nothing does. Never throws. */
  public List<Problem> check(ProbeResult r) {
    return checker.check(r);
  }

  /**
   * {@link #check}, keeping what the result's histograms add to their series when it passes, so a
   * {@link CheckedBatch} of such results is recorded without decoding them again. Never throws.
   */
  public Checked checkToRecord(ProbeResult r) {
    ProbeSpec spec = catalogue.find(r.getKind(), r.getName());
    List<HistogramDelta> deltas = new ArrayList<>(r.getDistributionsCount());
    List<Problem> problems = checker.check(spec, r, deltas);
    return new Checked(r, spec, problems, problems.isEmpty() ? deltas : List.of());
  }

  /** A checked result: its problems, and when there are none what its histograms add. */
  public static final class Checked {
    private final ProbeResult result;
    private final ProbeSpec spec;
    private final List<Problem> problems;
    private final List<HistogramDelta> deltas;
    private ProbeLabels labels; // set once admitted

    private Checked(
        ProbeResult result, ProbeSpec spec, List<Problem> problems, List<HistogramDelta> deltas) {
      this.result = result;
      this.spec = spec;
      this.problems = problems;
      this.deltas = deltas;
    }

    public ProbeResult result() {
      return result;
    }

    /** Empty when the result may be recorded. */
    public List<Problem> problems() {
      return problems;
    }

    List<HistogramDelta> deltas() {
      return deltas;
    }

    /** Its labels once {@link #admit} let it in; null before. */
    ProbeLabels labels() {
      return labels;
    }
  }

  /**
   * Charges the series budgets for a result {@link #checkToRecord} found no problems with: empty
   * when it fits and may be stored, else the budget it would exceed. A refused result never will
   * fit while the agent's series stay, so its batch gets a final Nack.
   *
   * @throws IllegalArgumentException if {@code checked} has problems
   */
  public Optional<Problem> admit(AgentLabels agent, Checked checked) {
    if (!checked.problems.isEmpty()) {
      throw new IllegalArgumentException("a result with problems: " + checked.problems);
    }
    ProbeLabels labels = series(agent).labels(checked.spec, agent, checked.result);
    Optional<Problem> refused = budget.admit(agent.agentId(), labels);
    if (refused.isEmpty()) {
      checked.labels = labels;
    }
    return refused;
  }

  /** Series charged to the budgets now, across all agents. */
  public long seriesCharged() {
    return budget.charged();
  }

  /** The global series budget. */
  public long seriesBudget() {
    return budget.global();
  }

  /**
   * Adds a result that {@link #check} found no problems with to the agent's series.
   *
   * @throws IllegalArgumentException if {@code r} would not have passed {@link #check}
   */
  public void record(AgentLabels agent, ProbeResult r) {
    recorder.record(series(agent), agent, r, null, null);
  }

  /**
   * {@link #record(AgentLabels, ProbeResult)} for each result in order; a {@link CheckedBatch}
   * brings its histograms already bucketed.
   *
   * @throws IllegalArgumentException if a result would not have passed {@link #check}
   */
  public void record(AgentLabels agent, List<ProbeResult> results) {
    AgentSeries series = series(agent);
    CheckedBatch checked = results instanceof CheckedBatch c ? c : null;
    for (int i = 0; i < results.size(); i++) {
      recorder.record(
          series,
          agent,
          results.get(i),
          checked == null ? null : checked.deltas(i),
          checked == null ? null : checked.labels(i));
    }
  }

  private AgentSeries series(AgentLabels agent) {
    return agents.computeIfAbsent(agent.agentId(), id -> new AgentSeries());
  }

  /** Shows the agent as connected, with the facts {@code guestbench_agent_info} carries. */
  public void agentConnected(AgentLabels agent, Map<String, String> facts) {
    List<String> info = new ArrayList<>(agent.values());
    Families.INFO_FACTS.forEach(k -> info.add(LabelValues.bounded(facts.getOrDefault(k, ""))));
    var infoLabels = Families.AGENT_INFO.labels(info);
    agents.compute(
        agent.agentId(),
        (id, series) -> {
          AgentSeries s = series == null ? new AgentSeries() : series;
          s.connected(agent, infoLabels);
          return s;
        });
  }

  /** Shows the counts of the agent's latest heartbeat. */
  public void heartbeat(AgentLabels agent, Heartbeat heartbeat) {
    HeartbeatGauges.record(
        agents.computeIfAbsent(agent.agentId(), id -> new AgentSeries()), agent, heartbeat);
  }

  /** Shows the agent as gone from now on; a later {@link #agentConnected} undoes it. */
  public void agentDisconnected(String agentId) {
    long now = clock.monotonicNanos();
    agents.computeIfPresent(
        LabelValues.bounded(agentId),
        (id, series) -> {
          series.disconnected(now);
          return series;
        });
  }

  /** Drops every series of each agent gone for longer than {@code ttl}; returns how many. */
  public int removeDepartedAgents(Duration ttl) {
    long now = clock.monotonicNanos();
    long ttlNanos = ttl.compareTo(Duration.ofDays(36_500)) > 0 ? Long.MAX_VALUE : ttl.toNanos();
    AtomicInteger removed = new AtomicInteger();
    for (String id : agents.keySet()) {
      // compute() runs under the same lock as agentConnected(), so a reconnect either comes
      // first and keeps the agent, or comes after and starts it afresh.
      agents.computeIfPresent(
          id,
          (key, series) -> {
            boolean gone = series.goneLongerThan(now, ttlNanos);
            removed.addAndGet(gone ? 1 : 0);
            if (gone) {
              budget.release(key);
            }
            return gone ? null : series;
          });
    }
    return removed.get();
  }

  /** Per-agent series exposed now, a histogram counting once: what a series budget counts. */
  public long seriesCount() {
    return agents.values().stream().mapToLong(AgentSeries::size).sum();
  }

  /**
   * Writes every per-agent series in the Prometheus text format, or OpenMetrics when {@code
   * openMetrics}, as the client's writers would write {@link #collect()}, only faster: what a
   * scrape of tens of thousands of series spends its time on. No {@code # EOF}.
   */
  public void writeText(OutputStream out, boolean openMetrics) throws IOException {
    ExpositionText.write(families, agents.values(), out, openMetrics);
  }

  /** The names the registry knows these families by, for a scrape that leaves them out. */
  public Set<String> prometheusNames() {
    return prometheusNames;
  }

  /** Nothing, without building anything, when a scrape's filter leaves out every family. */
  @Override
  public MetricSnapshots collect(Predicate<String> includedNames) {
    return excludesAll(includedNames)
        ? MetricSnapshots.of()
        : MultiCollector.super.collect(includedNames);
  }

  @Override
  public MetricSnapshots collect(
      Predicate<String> includedNames, PrometheusScrapeRequest scrapeRequest) {
    return excludesAll(includedNames)
        ? MetricSnapshots.of()
        : MultiCollector.super.collect(includedNames, scrapeRequest);
  }

  private boolean excludesAll(Predicate<String> includedNames) {
    return prometheusNames.stream().noneMatch(includedNames);
  }

  @Override
  public MetricSnapshots collect() {
    Map<String, List<DataPointSnapshot>> points = new HashMap<>();
    for (AgentSeries series : agents.values()) {
      series.forEachPoint(
          (family, p) -> points.computeIfAbsent(family, f -> new ArrayList<>()).add(p));
    }
    MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
    for (Family family : families) {
      List<DataPointSnapshot> familyPoints = points.get(family.name());
      if (familyPoints != null) {
        snapshots.metricSnapshot(family.snapshot(familyPoints));
      }
    }
    return snapshots.build();
  }

  @Override
  public List<MetricFamilyDescriptor> getMetricFamilyDescriptors() {
    return families.stream().map(Family::descriptor).toList();
  }
}
