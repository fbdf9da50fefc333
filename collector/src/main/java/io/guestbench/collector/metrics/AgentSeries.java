package io.guestbench.collector.metrics;

import io.guestbench.proto.v1.ProbeResult;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** Every series of one agent, so they are dropped together once the agent has been gone long. */
final class AgentSeries {
  private record Key(String family, List<String> labelValues) {}

  private final ConcurrentHashMap<Key, Cell> cells = new ConcurrentHashMap<>();

  /** A probe (the catalogue's one instance of its spec) with label values. */
  private record ProbeKey(ProbeSpec spec, List<String> labelValues) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ProbeKey k && k.spec == spec && k.labelValues.equals(labelValues);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(spec) + labelValues.hashCode();
    }
  }

  private final ConcurrentHashMap<ProbeKey, ProbeCells> probes = new ConcurrentHashMap<>();

  /** Label sets an agent's results carry, about one per probe and parameter set. */
  private static final int LABEL_SETS_KEPT = 64;

  private volatile ProbeLabels[] labelSets = new ProbeLabels[0];

  // Guarded by this: the connection state and the two series that show it.
  private Cell.Gauge connected;
  private Cell.Info info;
  private boolean gone;
  private long goneSinceNanos;

  Cell.Gauge setGauge(Family family, List<String> values, double value) {
    Key key = new Key(family.name(), values);
    Cell cell = cells.computeIfAbsent(key, k -> new Cell.Gauge(family.labels(values), value));
    ((Cell.Gauge) cell).set(value);
    return (Cell.Gauge) cell;
  }

  /**
   * The series of {@code spec}'s results whose label values are {@code values}; {@code probe} is
   * the agent's label values followed by the probe's id.
   */
  ProbeCells probeCells(
      ProbeSpec spec, List<String> probe, List<String> values, List<String> statuses) {
    return probes.computeIfAbsent(
        new ProbeKey(spec, values), k -> new ProbeCells(this, spec, probe, values, statuses));
  }

  /**
   * The labels of {@code r}, a checked result of {@code spec} from {@code agent}: the same instance
   * for each result of the same configuration, while this agent uses few of them.
   */
  ProbeLabels labels(ProbeSpec spec, AgentLabels agent, ProbeResult r) {
    for (ProbeLabels known : labelSets) {
      if (known.matches(spec, agent, r)) {
        return known;
      }
    }
    ProbeLabels made = ProbeLabels.of(spec, agent, r);
    synchronized (this) {
      ProbeLabels[] now = labelSets;
      if (now.length >= LABEL_SETS_KEPT) {
        labelSets = new ProbeLabels[] {made}; // an agent that varies this much starts over
      } else {
        ProbeLabels[] more = Arrays.copyOf(now, now.length + 1);
        more[now.length] = made;
        labelSets = more;
      }
    }
    return made;
  }

  /** The counter, created at zero if new, so that rate() sees its first increment. */
  Cell.Counter counter(Family family, List<String> values) {
    Key key = new Key(family.name(), values);
    return (Cell.Counter) cells.computeIfAbsent(key, k -> new Cell.Counter(family.labels(values)));
  }

  HistogramCell histogram(HistogramSpec spec, List<String> values) {
    Key key = new Key(spec.family().name(), values);
    return (HistogramCell)
        cells.computeIfAbsent(key, k -> new HistogramCell(spec.family().labels(values), spec));
  }

  /** Shows the agent as connected, replacing the series of any earlier connection. */
  synchronized void connected(AgentLabels agent, Labels infoLabels) {
    connected = new Cell.Gauge(Families.AGENT_CONNECTED.labels(agent.values()), 1);
    info = new Cell.Info(infoLabels);
    gone = false;
  }

  synchronized void disconnected(long nowNanos) {
    if (connected != null && !gone) {
      connected.set(0);
      gone = true;
      goneSinceNanos = nowNanos;
    }
  }

  /** Whether the agent disconnected more than {@code ttlNanos} before {@code nowNanos}. */
  synchronized boolean goneLongerThan(long nowNanos, long ttlNanos) {
    return gone && nowNanos - goneSinceNanos > ttlNanos;
  }

  /** Hands every series to {@code sink} with its family's name. */
  void forEachPoint(BiConsumer<String, DataPointSnapshot> sink) {
    forEachCell((family, cell) -> sink.accept(family, cell.point()));
  }

  /** Hands every series to {@code sink} with its family's name. */
  void forEachCell(BiConsumer<String, Cell> sink) {
    cells.forEach((key, cell) -> sink.accept(key.family(), cell));
    Cell connectedNow;
    Cell infoNow;
    synchronized (this) {
      connectedNow = connected;
      infoNow = info;
    }
    if (connectedNow != null) {
      sink.accept(Families.AGENT_CONNECTED.name(), connectedNow);
      sink.accept(Families.AGENT_INFO.name(), infoNow);
    }
  }

  /** How many series {@link #forEachPoint} hands out; a histogram counts once. */
  synchronized long size() {
    return cells.size() + (connected == null ? 0 : 2);
  }
}
