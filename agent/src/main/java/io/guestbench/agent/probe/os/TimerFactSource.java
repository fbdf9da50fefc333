package io.guestbench.agent.probe.os;

import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.probe.ProbeRun;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The timer check as host facts, so every result can be read against what the clock costs on its
 * machine. The check runs once, on the first call; later calls (a reconnect's Hello) reuse it.
 */
public final class TimerFactSource implements FactSource {
  private final TimerCheck check;
  private Map<String, String> facts;
  private List<String> notes = List.of();

  @Inject
  public TimerFactSource(TimerCheck check) {
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public synchronized Map<String, String> facts() {
    if (facts == null) {
      try {
        TimerReport report = check.run(ProbeRun.Progress.NONE);
        facts = Map.copyOf(report.facts());
        notes = report.notes();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        notes = List.of("interrupted before the timer check finished");
        return Map.of();
      }
    }
    return facts;
  }

  @Override
  public synchronized List<String> notes() {
    return notes;
  }

  @Override
  public String name() {
    return "timer";
  }
}
