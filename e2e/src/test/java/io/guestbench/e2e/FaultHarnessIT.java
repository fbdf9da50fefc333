package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.collector.journal.JournalReader;
import io.guestbench.collector.journal.StoredBatch;
import io.guestbench.proto.v1.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The delivery promise under faults: agents stream results with ids the test chose through a proxy
 * that resets streams and loses acks, to a real collector that is killed with SIGKILL and restarted
 * on its journal several times, then stays away longer than the agents' spool age cap. Afterwards
 * every produced result is in the journal exactly once or counted as dropped by its agent, and the
 * agents' accounting, as the collector's metrics show it, says the same.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FaultHarnessIT extends RealProcessTest {
  private static final int AGENTS = 12;
  private static final int KILLS = 3;
  private static final Duration MAX_AGE = Duration.ofSeconds(5);
  private static final FaultProxy.Faults CHAOS = new FaultProxy.Faults(0.02, 0.3);

  private final List<HarnessAgent> agents = new ArrayList<>();
  private final ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
  private FaultProxy proxy;

  @AfterEach
  void stopAll() throws Exception {
    producer.shutdownNow();
    agents.forEach(HarnessAgent::close);
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void everyResultIsStoredOnceOrCountedDroppedThroughKillsResetsLostAcksAndAnOutage()
      throws Exception {
    proxy = FaultProxy.start(7);
    proxy.faults(CHAOS);
    CollectorProcess collector = restart(null);
    for (int i = 0; i < AGENTS; i++) {
      agents.add(
          new HarnessAgent("harness-" + i, dir.resolve("spool"), MAX_AGE, proxy.port(), 100 + i));
    }
    SplittableRandom sizes = new SplittableRandom(42);
    producer.scheduleAtFixedRate(
        () -> agents.forEach(a -> a.produce(1 + sizes.nextInt(3))), 0, 100, TimeUnit.MILLISECONDS);

    for (int kill = 0; kill < KILLS; kill++) {
      Thread.sleep(3000);
      collector = restart(collector);
    }
    Thread.sleep(2000);
    killNine(collector);
    Thread.sleep(MAX_AGE.multipliedBy(2).toMillis()); // the outage: older batches age out
    proxy.faults(FaultProxy.Faults.NONE);
    long finalStart = System.currentTimeMillis() * 1_000_000L;
    collector = restart(null);
    Thread.sleep(2000);
    producer.shutdown();
    assertThat(producer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    for (HarnessAgent a : agents) {
      assertThat(a.awaitAllAcknowledged(Duration.ofSeconds(60))).as(a.id).isTrue();
    }
    assertThat(proxy.resets.get()).as("streams reset by the proxy").isPositive();
    assertThat(proxy.acksLost.get()).as("acks lost by the proxy").isPositive();

    Map<String, List<String>> journal = journaledRunIds(Long.MIN_VALUE);
    Map<String, List<String>> finalLife = journaledRunIds(finalStart);
    CollectorProcess last = collector;
    System.err.printf(
        "fault harness: %d streams, %d resets, %d acks lost; produced %d, stored %d, dropped %d%n",
        proxy.streams.get(),
        proxy.resets.get(),
        proxy.acksLost.get(),
        agents.stream().mapToLong(a -> a.stats().producedResults()).sum(),
        journal.values().stream().mapToLong(List::size).sum(),
        agents.stream().mapToLong(a -> a.stats().droppedResults()).sum());
    for (HarnessAgent a : agents) {
      List<String> stored = journal.getOrDefault(a.id, List.of());
      Set<String> produced = new HashSet<>(a.produced());
      assertThat(new HashSet<>(stored))
          .as("%s: no result stored twice", a.id)
          .hasSize(stored.size());
      assertThat(produced).as("%s: only produced results are stored", a.id).containsAll(stored);

      OutboxStats s = a.stats();
      assertThat(s.heldResults()).as(a.id).isZero();
      assertThat(s.rejectedResults()).as(a.id).isZero();
      assertThat(s.droppedResultsByReason()).as(a.id).containsOnlyKeys("spool_age_cap");
      assertThat(s.droppedResults()).as("%s: the outage outlasted the age cap", a.id).isPositive();
      assertThat(s.producedResults()).isEqualTo(produced.size());
      assertThat(s.acknowledgedResults())
          .as("%s: what the agent counts as stored is what the journal holds", a.id)
          .isEqualTo(stored.size());
      assertThat(s.producedResults())
          .as("%s: produced = stored + dropped", a.id)
          .isEqualTo(stored.size() + s.droppedResults());

      String agent = a.id;
      Poll.until(
          a.id + "'s final heartbeat in the collector's metrics",
          20,
          () ->
              metric(last, "guestbench_agent_produced_results", agent) == s.producedResults()
                  && metric(last, "guestbench_agent_buffered_results", agent) == 0);
      assertThat(metric(last, "guestbench_agent_acknowledged_results", agent))
          .isEqualTo(stored.size());
      assertThat(metric(last, "guestbench_agent_dropped_results", agent))
          .isEqualTo(s.droppedResults());
      assertThat(metric(last, "guestbench_probe_runs_total", agent))
          .as("%s: this collector life's runs counted once each", a.id)
          .isEqualTo(finalLife.getOrDefault(a.id, List.of()).size());
    }
    assertThat(last.terminate(20)).isZero();
  }

  /** SIGKILLs the running collector (if any) and starts a new one on the same journal. */
  private CollectorProcess restart(CollectorProcess running) throws Exception {
    if (running != null) {
      killNine(running);
      Thread.sleep(500);
    }
    CollectorProcess next = CollectorProcess.start(runner, dir);
    proxy.forwardTo(next.grpcPort);
    return next;
  }

  private void killNine(CollectorProcess running) throws InterruptedException {
    proxy.forwardTo(0);
    running.process.destroyForcibly();
    assertThat(running.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Run ids in the journal by agent, in journal order, for batches stored since the time. */
  private Map<String, List<String>> journaledRunIds(long sinceUnixNano) throws Exception {
    Map<String, List<String>> ids = new HashMap<>();
    try (JournalReader reader = JournalReader.open(dir.resolve("journal")).since(sinceUnixNano)) {
      for (StoredBatch b : reader) {
        List<String> mine = ids.computeIfAbsent(b.key().agentId(), k -> new ArrayList<>());
        b.results().stream().map(ProbeResult::getRunId).forEach(mine::add);
      }
      assertThat(reader.duplicates()).as("copies of one batch in the journal").isZero();
      assertThat(reader.corrupt()).as("damaged journal records").isZero();
    }
    return ids;
  }

  /** The sum of a family's samples for one agent, over its other labels. */
  private static double metric(CollectorProcess collector, String family, String agentId)
      throws Exception {
    String label = "agent_id=\"" + agentId + "\"";
    return Http.get(collector.metricsUrl())
        .body()
        .lines()
        .filter(l -> l.startsWith(family + "{") && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
