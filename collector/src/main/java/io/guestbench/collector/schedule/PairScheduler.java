package io.guestbench.collector.schedule;

import io.guestbench.collector.ingest.ConnectedAgent;
import io.guestbench.common.lifecycle.Service;
import io.guestbench.common.text.Durations;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.Command;
import io.guestbench.proto.v1.Hold;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Pairs the connected agents of each experiment for network tests. Per experiment it plans rounds
 * of disjoint pairs ({@link PairPlanner}) and gives each round and test a time slot: every client
 * gets a {@code Command.run_probe} naming its server's peer, starting at the slot's start and due
 * by its end, sent {@code lead} ahead. The next slot starts a {@code gap} after the previous one
 * ends, so no agent is ever in two tests at once. The roster is polled every second; an agent
 * joining, leaving or moving its peer makes a new plan, which starts only after every member's
 * current slot. All state lives on the one scheduler thread.
 */
public final class PairScheduler implements Service {
  static final Duration POLL = Duration.ofSeconds(1);
  private static final Logger log = Logger.getLogger(PairScheduler.class.getName());

  private final ScheduleConfig config;
  private final Roster roster;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final ScheduleCounters counters;
  private final Membership membership;
  private final PairPlanner planner = new PairPlanner();
  private final String idPrefix;
  private final Map<String, Lane> lanes = new TreeMap<>();
  private final Map<String, Long> busyUntil = new HashMap<>();
  private long commandSeq;

  public PairScheduler(
      ScheduleConfig config,
      String collectorId,
      Roster roster,
      Clock clock,
      ScheduledExecutorService executor,
      ScheduleCounters counters) {
    this.config = config;
    this.roster = roster;
    this.clock = clock;
    this.executor = executor;
    this.counters = counters;
    this.membership = new Membership(counters);
    // Unique across restarts too: a command id names one test, ever.
    this.idPrefix = collectorId + "." + Long.toString(clock.wallNanos() / 1_000_000, 36);
  }

  @Override
  public String name() {
    return "pair scheduler";
  }

  @Override
  public void start() {
    executor.scheduleWithFixedDelay(this::poll, 0, POLL.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void stop(Duration grace) {
    executor.shutdownNow();
  }

  private void poll() {
    try {
      reconcile(membership.experiments(roster.connected()));
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "scheduling failed; trying again in " + POLL, e);
    }
  }

  private void reconcile(Map<String, Map<String, String>> experiments) {
    long now = clock.wallNanos();
    busyUntil.values().removeIf(until -> until <= now);
    for (String experiment : List.copyOf(lanes.keySet())) {
      Map<String, String> members = experiments.get(experiment);
      if (members == null || members.size() < 2) {
        lanes.remove(experiment).cancel();
      }
    }
    experiments.forEach(
        (experiment, members) -> {
          Lane lane = lanes.get(experiment);
          if (members.size() >= 2 && (lane == null || !lane.members.equals(members))) {
            plan(experiment, members, now);
          }
        });
    counters.pairing(lanes.values().stream().mapToInt(l -> l.members.size()).sum());
  }

  private void plan(String experiment, Map<String, String> members, long now) {
    Lane old = lanes.get(experiment);
    if (old != null) {
      old.cancel();
    }
    Lane lane = new Lane(experiment, members, config.tests(), planner);
    long start = now + config.lead().toNanos();
    for (String agent : members.keySet()) {
      start = Math.max(start, busyUntil.getOrDefault(agent, 0L));
    }
    lane.cycleStartNanos = start;
    lanes.put(experiment, lane);
    log.info(
        "experiment '%s': %d agents, %d slots of %s per cycle"
            .formatted(
                experiment, members.size(), lane.cycle.size(), Durations.format(config.slot())));
    arm(lane, start);
  }

  private void arm(Lane lane, long slotStart) {
    lane.nextStartNanos = slotStart;
    long delay = Math.max(0, slotStart - config.lead().toNanos() - clock.wallNanos());
    lane.pending = executor.schedule(() -> dispatch(lane), delay, TimeUnit.NANOSECONDS);
  }

  private void dispatch(Lane lane) {
    if (lanes.get(lane.experiment) != lane) {
      return;
    }
    try {
      dispatchSlot(lane);
    } catch (RuntimeException e) {
      // The next poll plans this experiment afresh.
      lanes.remove(lane.experiment);
      log.log(Level.WARNING, "scheduling experiment '" + lane.experiment + "' failed", e);
    }
  }

  private void dispatchSlot(Lane lane) {
    Slot slot = lane.cycle.get(lane.next);
    long start = lane.nextStartNanos;
    long deadline = start + config.slot().toNanos();
    Map<String, ConnectedAgent> now =
        roster.connected().stream()
            .collect(Collectors.toMap(ConnectedAgent::agentId, Function.identity(), (a, b) -> b));
    int sent = 0;
    for (Pairing pair : slot.pairs()) {
      sent += send(lane, slot.test(), pair, now, start, deadline) ? 1 : 0;
    }
    if (sent > 0) {
      counters.slotUsed();
    }
    long after = deadline + config.gap().toNanos();
    lane.next = (lane.next + 1) % lane.cycle.size();
    if (lane.next == 0) {
      lane.cycleStartNanos = Math.max(after, lane.cycleStartNanos + config.every().toNanos());
      after = lane.cycleStartNanos;
    }
    arm(lane, after);
  }

  private boolean send(
      Lane lane,
      NetTest test,
      Pairing pair,
      Map<String, ConnectedAgent> now,
      long start,
      long deadline) {
    ConnectedAgent client = now.get(pair.client());
    ConnectedAgent server = now.get(pair.server());
    String address = lane.members.get(pair.server());
    if (client == null || server == null || !server.peerAddress().equals(address)) {
      counters.skipped(ScheduleCounters.Skip.AGENT_GONE);
      return false;
    }
    Command command =
        Command.newBuilder()
            .setCommandId(idPrefix + "-" + ++commandSeq)
            .setNotBeforeUnixNano(start)
            .setDeadlineUnixNano(deadline)
            .setRunProbe(test.runProbe(address))
            .build();
    if (!client.commands().send(command)) {
      counters.skipped(ScheduleCounters.Skip.SEND_FAILED);
      return false;
    }
    counters.commandSent();
    Command hold =
        Command.newBuilder()
            .setCommandId(command.getCommandId() + "-hold")
            .setNotBeforeUnixNano(start)
            .setDeadlineUnixNano(deadline)
            .setHold(Hold.newBuilder().setReason("serving " + test.name() + " to " + pair.client()))
            .build();
    if (server.commands().send(hold)) {
      counters.holdSent();
    } else {
      counters.skipped(ScheduleCounters.Skip.SEND_FAILED);
    }
    long free = deadline + config.gap().toNanos();
    busyUntil.merge(pair.client(), free, Math::max);
    busyUntil.merge(pair.server(), free, Math::max);
    log.fine(() -> "command " + command.getCommandId() + ": " + pair + " " + test.name());
    return true;
  }
}
