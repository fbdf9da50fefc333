package io.guestbench.collector.metrics;

import io.guestbench.collector.metrics.Problem.Reason;
import java.util.ArrayList;
import java.util.List;

/** Collects a result's problems, keeping the first few. */
final class Problems {
  /** Enough to fix a result by; more would only let one hostile batch flood the logs. */
  static final int MAX = 32;

  private final List<Problem> problems = new ArrayList<>();

  void add(Reason reason, String detail) {
    if (problems.size() < MAX) {
      problems.add(new Problem(reason, detail));
    }
  }

  List<Problem> list() {
    return List.copyOf(problems);
  }
}
