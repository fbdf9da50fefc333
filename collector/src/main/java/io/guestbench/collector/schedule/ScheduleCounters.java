package io.guestbench.collector.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The scheduler's self-metrics ({@code guestbench_collector_schedule_*}), kept with Micrometer. */
public final class ScheduleCounters {
  /** Why a test or an agent was left out; a fixed set, so the label stays bounded. */
  enum Skip {
    /** The agent serves no network tests, or does not say where. */
    NO_PEER_ADDRESS,
    /** The agent advertised something that is not host:port. */
    BAD_PEER_ADDRESS,
    /** One side of a pair disconnected or changed its address before the slot. */
    AGENT_GONE,
    /** The client's stream closed as the command was sent. */
    SEND_FAILED;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Counter commands;
  private final Counter holds;
  private final Counter slots;
  private final Map<Skip, Counter> skipped;
  private final AtomicInteger paired = new AtomicInteger();

  public ScheduleCounters(MeterRegistry registry) {
    commands =
        Counter.builder("guestbench.collector.schedule.commands")
            .description("Commands sent to agents to run a scheduled network test.")
            .register(registry);
    holds =
        Counter.builder("guestbench.collector.schedule.holds")
            .description(
                "Hold commands sent to the serving agent of a scheduled test, so its plan waits.")
            .register(registry);
    slots =
        Counter.builder("guestbench.collector.schedule.slots")
            .description("Time slots in which at least one scheduled test was sent.")
            .register(registry);
    skipped =
        Stream.of(Skip.values())
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    s ->
                        Counter.builder("guestbench.collector.schedule.skipped")
                            .tag("reason", s.label())
                            .description("Agents or scheduled tests left out, by reason.")
                            .register(registry)));
    Gauge.builder("guestbench.collector.schedule.agents", paired, AtomicInteger::get)
        .description("Agents the scheduler is pairing now, across experiments.")
        .register(registry);
  }

  void commandSent() {
    commands.increment();
  }

  void holdSent() {
    holds.increment();
  }

  void slotUsed() {
    slots.increment();
  }

  void skipped(Skip reason) {
    skipped.get(reason).increment();
  }

  void pairing(int agents) {
    paired.set(agents);
  }
}
