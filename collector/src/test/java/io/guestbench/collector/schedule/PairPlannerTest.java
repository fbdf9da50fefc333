package io.guestbench.collector.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PairPlannerTest {
  private final PairPlanner planner = new PairPlanner();

  @Test
  void noAgentIsInTwoTestsOfOneRound() {
    for (int n = 2; n <= 9; n++) {
      for (List<Pairing> round : planner.rounds(agents(n))) {
        Set<String> busy = new HashSet<>();
        for (Pairing p : round) {
          assertThat(busy.add(p.client())).as("n=%d %s", n, round).isTrue();
          assertThat(busy.add(p.server())).as("n=%d %s", n, round).isTrue();
        }
      }
    }
  }

  @Test
  void everyOrderedPairAppearsExactlyOnce() {
    for (int n = 2; n <= 9; n++) {
      List<Pairing> all = planner.rounds(agents(n)).stream().flatMap(List::stream).toList();
      assertThat(all).doesNotHaveDuplicates().hasSize(n * (n - 1));
    }
  }

  @Test
  void roundsAreFewAndTheInputOrderDoesNotMatter() {
    assertThat(planner.rounds(agents(4))).hasSize(6);
    assertThat(planner.rounds(agents(5))).hasSize(10);
    assertThat(planner.rounds(List.of("b", "a", "c")))
        .isEqualTo(planner.rounds(List.of("c", "b", "a")));
  }

  @Test
  void fewerThanTwoAgentsGiveNothingToDo() {
    assertThat(planner.rounds(List.of())).isEmpty();
    assertThat(planner.rounds(List.of("alone"))).isEmpty();
    assertThat(planner.rounds(List.of("twin", "twin"))).isEmpty();
  }

  private static List<String> agents(int n) {
    return IntStream.range(0, n).mapToObj(i -> "agent-" + i).toList();
  }
}
