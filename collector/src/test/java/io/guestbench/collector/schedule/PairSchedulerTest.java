package io.guestbench.collector.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.schedule.FakeFleet.Received;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.testing.ManualClock;
import io.guestbench.testing.ManualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairSchedulerTest {
  private static final Duration SLOT = Duration.ofSeconds(5);
  private static final Duration GAP = Duration.ofSeconds(1);
  private static final Duration LEAD = Duration.ofSeconds(2);
  private static final long START_NANOS = 1_750_000_000_000_000_000L;

  private final ManualClock clock = new ManualClock(START_NANOS);
  private final ManualScheduler executor = new ManualScheduler(clock);
  private final FakeFleet fleet = new FakeFleet(clock);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PairScheduler scheduler;

  @BeforeEach
  void start() {
    scheduler = scheduler(Duration.ZERO, List.of(rr()));
  }

  @AfterEach
  void stop() {
    scheduler.stop(Duration.ofSeconds(1));
  }

  private PairScheduler scheduler(Duration every, List<NetTest> tests) {
    ScheduleConfig config = new ScheduleConfig(true, SLOT, GAP, LEAD, every, tests);
    return new PairScheduler(config, "c1", fleet, clock, executor, new ScheduleCounters(meters));
  }

  private static NetTest rr() {
    return new NetTest("rr", Map.of("duration", "2s", "warmup", "1s"), Duration.ofSeconds(3));
  }

  @Test
  void everyOrderedPairRunsOnceInSlotsThatNeverShareAnAgent() {
    List.of("a", "b", "c", "d").forEach(id -> fleet.join(id, "x"));
    scheduler.start();
    executor.advance(Duration.ofSeconds(35)); // six slots: commands at 0, 6, ... 30 s

    List<Received> got = fleet.received();
    assertThat(got).hasSize(12);
    Set<String> pairs = new HashSet<>();
    got.forEach(r -> pairs.add(r.client() + ">" + r.server()));
    assertThat(pairs).hasSize(12).doesNotContain("a>a", "b>b");
    assertNoAgentInTwoTestsAtOnce(got);
    for (Received r : got) {
      assertThat(r.end() - r.start()).isEqualTo(SLOT.toNanos());
      assertThat(r.sentNanos()).isLessThanOrEqualTo(r.start() - LEAD.toNanos());
      assertThat(r.command().getRunProbe().getKind()).isEqualTo(ProbeKind.PROBE_KIND_NET);
      assertThat(r.command().getRunProbe().getName()).isEqualTo("rr");
      assertThat(r.command().getRunProbe().getParamsMap())
          .containsEntry("peer", r.server() + ".internal:7071")
          .containsEntry("duration", "2s");
    }
    assertThat(got.stream().map(r -> r.command().getCommandId()).distinct()).hasSize(12);
    assertThat(counter("guestbench.collector.schedule.commands")).isEqualTo(12);
    // each test's server holds its plan for the same slot
    List<Received> holds = fleet.holds();
    assertThat(holds).hasSize(12);
    for (Received test : got) {
      assertThat(holds)
          .filteredOn(h -> h.client().equals(test.server()) && h.start() == test.start())
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.end()).isEqualTo(test.end());
                assertThat(h.command().getHold().getReason())
                    .isEqualTo("serving rr to " + test.client());
                assertThat(h.command().getCommandId())
                    .isEqualTo(test.command().getCommandId() + "-hold");
              });
    }
    assertThat(counter("guestbench.collector.schedule.holds")).isEqualTo(12);
    assertThat(counter("guestbench.collector.schedule.slots")).isEqualTo(6);
  }

  @Test
  void agentsOfDifferentExperimentsAreNeverPaired() {
    List.of("a1", "a2", "a3").forEach(id -> fleet.join(id, "pv-vs-hvm"));
    List.of("b1", "b2").forEach(id -> fleet.join(id, "other"));
    scheduler.start();
    executor.advance(Duration.ofMinutes(2));

    assertThat(fleet.received())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.client().charAt(0)).isEqualTo(r.server().charAt(0)));
    assertThat(fleet.received()).anySatisfy(r -> assertThat(r.client()).startsWith("b"));
    assertNoAgentInTwoTestsAtOnce(fleet.received());
  }

  @Test
  void aJoiningAgentGetsANewPlanThatWaitsForTheSlotInProgress() {
    fleet.join("a", "x");
    fleet.join("b", "x");
    scheduler.start();
    executor.advance(Duration.ofSeconds(3)); // the first slot's command is out, the slot running
    assertThat(fleet.received()).hasSize(1);
    fleet.join("c", "x");
    executor.advance(Duration.ofMinutes(1));

    List<Received> got = fleet.received();
    assertThat(got).anySatisfy(r -> assertThat(r.involves("c")).isTrue());
    Received first = got.get(0);
    assertThat(
            got.stream()
                .filter(r -> r.involves("c"))
                .mapToLong(Received::start)
                .min()
                .orElseThrow())
        .isGreaterThanOrEqualTo(first.end() + GAP.toNanos());
    assertNoAgentInTwoTestsAtOnce(got);
    Set<String> pairs = new HashSet<>();
    got.stream().skip(1).limit(6).forEach(r -> pairs.add(r.client() + ">" + r.server()));
    assertThat(pairs).as("the new plan covers every ordered pair of three").hasSize(6);
  }

  @Test
  void aLeavingAgentIsNotCommandedAgainAndTheRestCarryOn() {
    List.of("a", "b", "c").forEach(id -> fleet.join(id, "x"));
    scheduler.start();
    executor.advance(Duration.ofSeconds(10));
    fleet.leave("c");
    executor.advance(Duration.ofSeconds(1)); // the poll notices
    long left = clock.wallNanos();
    executor.advance(Duration.ofMinutes(1));

    List<Received> after = fleet.received().stream().filter(r -> r.sentNanos() > left).toList();
    assertThat(after).isNotEmpty().noneSatisfy(r -> assertThat(r.involves("c")).isTrue());
    assertNoAgentInTwoTestsAtOnce(fleet.received());
  }

  @Test
  void aStreamThatClosesBeforeItsSlotIsCountedAsASendFailure() {
    fleet.join("a", "x");
    fleet.join("b", "x");
    scheduler.start();
    executor.advance(Duration.ofSeconds(7)); // commands for slots at 2 s and 8 s went out
    fleet.closeStream("a");
    fleet.closeStream("b");
    executor.advance(Duration.ofSeconds(6)); // the next cycle's first command, due out at 12 s

    assertThat(fleet.received()).hasSize(2);
    assertThat(counter("guestbench.collector.schedule.skipped", "reason", "send_failed"))
        .isEqualTo(1);
  }

  @Test
  void agentsWithoutAUsablePeerAddressAreLeftOutAndCountedOnce() {
    fleet.join("a", "x");
    fleet.join("b", "x");
    fleet.join("quiet", "x", "");
    fleet.join("odd", "x", "no port here");
    scheduler.start();
    executor.advance(Duration.ofMinutes(1));

    assertThat(fleet.received())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(Set.of(r.client(), r.server())).containsOnly("a", "b"));
    assertThat(counter("guestbench.collector.schedule.skipped", "reason", "no_peer_address"))
        .isEqualTo(1);
    assertThat(counter("guestbench.collector.schedule.skipped", "reason", "bad_peer_address"))
        .isEqualTo(1);
  }

  @Test
  void aLoneAgentIsNotScheduledAndCyclesWaitForEvery() {
    scheduler = scheduler(Duration.ofMinutes(10), List.of(rr(), rr())); // the first never started
    fleet.join("a", "x");
    scheduler.start();
    executor.advance(Duration.ofMinutes(1));
    assertThat(fleet.received()).isEmpty();

    fleet.join("b", "x");
    executor.advance(Duration.ofMinutes(25));
    List<Received> got = fleet.received();
    // Two rounds (a>b, b>a) times two tests per cycle; cycles start 10 minutes apart.
    assertThat(got).hasSize(12);
    long cycle = got.get(4).start() - got.get(0).start();
    assertThat(cycle).isEqualTo(Duration.ofMinutes(10).toNanos());
    assertNoAgentInTwoTestsAtOnce(got);
  }

  /** The property the whole scheduler exists for: an agent is in at most one test at a time. */
  private static void assertNoAgentInTwoTestsAtOnce(List<Received> got) {
    for (int i = 0; i < got.size(); i++) {
      for (int j = i + 1; j < got.size(); j++) {
        Received a = got.get(i);
        Received b = got.get(j);
        boolean share = a.involves(b.client()) || a.involves(b.server());
        if (share) {
          assertThat(a.end() <= b.start() || b.end() <= a.start())
              .as("%s and %s overlap", a, b)
              .isTrue();
        }
      }
    }
  }

  private double counter(String name, String... tags) {
    return meters.get(name).tags(tags).counter().count();
  }
}
