package io.guestbench.collector.schedule;

import java.util.List;

/**
 * One time slot's work in a cycle: one test between each of a round's disjoint pairs.
 *
 * @param test what every pair runs
 * @param pairs disjoint: no agent appears twice
 */
record Slot(NetTest test, List<Pairing> pairs) {
  Slot {
    pairs = List.copyOf(pairs);
  }
}
