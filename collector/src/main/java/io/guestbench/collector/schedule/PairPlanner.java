package io.guestbench.collector.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Plans network tests among the agents of one experiment as rounds of disjoint pairs (the circle
 * method of a round-robin tournament): within a round no agent is in two tests, so rounds can run
 * in separate time slots and no two tests ever share a peer. Over all rounds every ordered pair
 * appears once, so each agent measures against every other one as client and as server.
 */
public final class PairPlanner {

  /** The rounds for {@code agents}; each round's pairs may run at the same time. */
  public List<List<Pairing>> rounds(List<String> agents) {
    List<String> ring = new ArrayList<>(new TreeSet<>(agents));
    if (ring.size() < 2) {
      return List.of();
    }
    if (ring.size() % 2 == 1) {
      ring.add(null); // a bye: whoever meets it sits the round out
    }
    int n = ring.size();
    List<List<Pairing>> there = new ArrayList<>();
    List<List<Pairing>> back = new ArrayList<>();
    for (int round = 0; round < n - 1; round++) {
      List<Pairing> forward = new ArrayList<>();
      List<Pairing> reverse = new ArrayList<>();
      for (int i = 0; i < n / 2; i++) {
        String a = ring.get(i);
        String b = ring.get(n - 1 - i);
        if (a != null && b != null) {
          forward.add(new Pairing(a, b));
          reverse.add(new Pairing(b, a));
        }
      }
      there.add(forward);
      back.add(reverse);
      ring.add(1, ring.removeLast()); // rotate all but the first
    }
    there.addAll(back);
    return there;
  }
}
