package io.guestbench.agent.plan;

import io.guestbench.agent.probe.ProbeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent runs: a list of probe configurations, run in order, as one round.
 *
 * @param rounds how many rounds; 0 repeats until the agent stops
 * @param interval pause between the end of one round and the start of the next
 * @param probes the round, in order; probes never overlap so they do not disturb each other
 * @param settle when the plan may stop before {@code rounds}, or empty to run them all
 */
public record Plan(
    int rounds, Duration interval, List<ProbeSpec> probes, Optional<Settling> settle) {
  public Plan {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds " + rounds);
    }
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(settle, "settle");
    probes = List.copyOf(probes);
  }

  /** A plan that runs all its rounds. */
  public Plan(int rounds, Duration interval, List<ProbeSpec> probes) {
    this(rounds, interval, probes, Optional.empty());
  }

  public boolean repeatsForever() {
    return rounds == 0;
  }

  /** The same probes run {@code newRounds} times. */
  public Plan withRounds(int newRounds) {
    return new Plan(newRounds, interval, probes, settle);
  }
}
