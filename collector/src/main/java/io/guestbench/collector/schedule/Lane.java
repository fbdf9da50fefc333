package io.guestbench.collector.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;

/**
 * One experiment's agents and where the scheduler is in their cycle: every round of disjoint pairs
 * times every test, one slot each. Touched only on the scheduler's thread.
 */
final class Lane {
  final String experiment;

  /** Agent id to advertised peer address: a change in either means a new plan. */
  final Map<String, String> members;

  final List<Slot> cycle;
  int next;
  long nextStartNanos;
  long cycleStartNanos;
  ScheduledFuture<?> pending;

  Lane(String experiment, Map<String, String> members, List<NetTest> tests, PairPlanner planner) {
    this.experiment = experiment;
    this.members = new TreeMap<>(members);
    List<Slot> slots = new ArrayList<>();
    for (List<Pairing> round : planner.rounds(List.copyOf(members.keySet()))) {
      for (NetTest test : tests) {
        slots.add(new Slot(test, round));
      }
    }
    this.cycle = List.copyOf(slots);
  }

  void cancel() {
    if (pending != null) {
      pending.cancel(false);
    }
  }
}
