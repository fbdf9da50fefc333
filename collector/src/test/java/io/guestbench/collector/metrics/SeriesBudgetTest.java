package io.guestbench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.ProbeResult;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SeriesBudgetTest {
  private static List<SeriesBudget.Charge> charge(String key, int series) {
    return List.of(new SeriesBudget.Charge(List.of(key), series));
  }

  @Test
  void aKeyIsChargedOnce() {
    SeriesBudget budget = new SeriesBudget(10, 100);
    assertThat(budget.admit("a", charge("k1", 6))).isEmpty();
    assertThat(budget.admit("a", charge("k1", 6))).isEmpty();
    assertThat(budget.charged()).isEqualTo(6);
  }

  @Test
  void theAgentBudgetComesFirstAndRefusesWholeResults() {
    SeriesBudget budget = new SeriesBudget(10, 100);
    assertThat(budget.admit("a", charge("k1", 6))).isEmpty();
    assertThat(budget.admit("a", charge("k2", 6)))
        .hasValueSatisfying(
            p -> assertThat(p.reason()).isEqualTo(Problem.Reason.AGENT_SERIES_BUDGET));
    assertThat(budget.charged()).isEqualTo(6);
    assertThat(budget.admit("b", charge("k2", 6))).isEmpty();
  }

  @Test
  void theGlobalBudgetIsSharedAndReleasedWithAnAgentsSeries() {
    SeriesBudget budget = new SeriesBudget(10, 15);
    assertThat(budget.admit("a", charge("k", 8))).isEmpty();
    assertThat(budget.admit("b", charge("k", 8)))
        .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(Problem.Reason.SERIES_BUDGET));
    budget.release("a");
    assertThat(budget.charged()).isZero();
    assertThat(budget.admit("b", charge("k", 8))).isEmpty();
  }

  @Test
  void labelsChargedBeforeTheirAgentWasReleasedAreChargedAgain() {
    SeriesBudget budget = new SeriesBudget(100, 1_000);
    ProbeResult r = TestResults.compute("int", 100, 2_000_000).build();
    ProbeLabels labels =
        ProbeLabels.of(
            Catalogue.standard().find(r.getKind(), r.getName()),
            new AgentLabels("a", "xen-hvm", "m5.large", "exp"),
            r);
    assertThat(budget.admit("a", labels)).isEmpty();
    long once = budget.charged();
    assertThat(once).isPositive();
    assertThat(budget.admit("a", labels)).isEmpty();
    assertThat(budget.charged()).isEqualTo(once);

    budget.release("a");
    assertThat(budget.admit("a", labels)).isEmpty();
    assertThat(budget.charged()).isEqualTo(once);
  }

  @Test
  void concurrentAgentsNeverOverrunTheGlobalBudget() throws Exception {
    SeriesBudget budget = new SeriesBudget(1_000, 5_000);
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int agent = 0; agent < 8; agent++) {
      String id = "agent-" + agent;
      pool.execute(
          () -> {
            for (int k = 0; k < 500; k++) {
              if (budget.admit(id, charge("k" + k, 3)).isEmpty()) {
                admitted.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(budget.charged()).isEqualTo(admitted.get() * 3L).isLessThanOrEqualTo(5_000);
    assertThat(admitted.get()).isEqualTo(5_000 / 3);
  }
}
