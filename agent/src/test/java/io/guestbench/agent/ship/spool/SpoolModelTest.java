package io.guestbench.agent.ship.spool;

import static io.guestbench.agent.ship.spool.SpoolTest.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.ship.OutboxStats;
import io.guestbench.proto.v1.Batch;
import io.guestbench.proto.v1.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random operation sequences against a reference model of what the spool must hold: appends,
 * cumulative acks, rejections, time passing (age cap), the byte cap, clean restarts, kills and
 * power losses. After every step the spool must hold exactly the model's batches, byte for byte,
 * never hand out a seq twice, and keep produced + recovered = acked + dropped + rejected + held.
 */
class SpoolModelTest {
  @TempDir Path root;

  private final NavigableMap<Long, Batch> model = new TreeMap<>();
  private final Set<Long> issued = new HashSet<>();
  private final Map<Long, Batch> rejected = new TreeMap<>();
  private SpoolFixture f;
  private Spool spool;
  private long epoch;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theSpoolHoldsWhatTheModelHolds(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    f = new SpoolFixture(root);
    f.maxBytes = 1500;
    f.maxAge = Duration.ofHours(2);
    f.segmentBytes = 400;
    spool = f.open();
    epoch = spool.epoch();
    for (int step = 0; step < 400; step++) {
      String op = step(random);
      check(op + " at step " + step);
    }
  }

  private String step(SplittableRandom random) throws Exception {
    int dice = random.nextInt(100);
    if (dice < 45) {
      append(random.nextInt(1, 4), random);
      return "append";
    } else if (dice < 60 && !model.isEmpty()) {
      long upTo = random.nextLong(model.firstKey() - 1, model.lastKey() + 1);
      spool.acknowledge(upTo);
      model.headMap(upTo, true).clear();
      return "ack " + upTo;
    } else if (dice < 65 && !model.isEmpty()) {
      long seq = List.copyOf(model.keySet()).get(random.nextInt(model.size()));
      spool.reject(seq, "invalid_result");
      rejected.put(seq, model.remove(seq));
      return "reject " + seq;
    } else if (dice < 80) {
      f.clock.advance(Duration.ofMinutes(random.nextInt(1, 40)));
      spool.tick();
      ageCap();
      return "time";
    }
    return restart(random.nextInt(3));
  }

  private void append(int n, SplittableRandom random) {
    List<ProbeResult> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(ProbeResult.newBuilder().setRunId("r" + random.nextInt(1_000_000)).build());
    }
    long created = f.clock.wallNanos();
    long seq = spool.append(results);
    assertThat(issued.add(seq)).as("seq %d handed out twice", seq).isTrue();
    assertThat(seq).isGreaterThan(model.isEmpty() ? 0 : model.lastKey());
    model.put(
        seq,
        Batch.newBuilder()
            .setSeq(seq)
            .setCreatedTimeUnixNano(created)
            .addAllResults(results)
            .build());
    ageCap();
    byteCap();
  }

  private String restart(int how) throws Exception {
    switch (how) {
      case 0 -> {
        spool.stop(Duration.ofSeconds(1));
        spool = f.open();
      }
      case 1 -> spool = f.crashAndReopen();
      default -> spool = f.powerLossAndReopen(null, 0);
    }
    long held = model.values().stream().mapToLong(Batch::getResultsCount).sum();
    long mayComeBack = rejected.values().stream().mapToLong(Batch::getResultsCount).sum();
    adoptRejectedThatCameBack();
    ageCap();
    byteCap();
    // what was held, plus rejected batches that came back (some of which the caps took at once)
    assertThat(spool.stats().recoveredResults()).isBetween(held, held + mayComeBack);
    return List.of("clean restart", "kill", "power loss").get(how);
  }

  /**
   * A batch rejected out of order (above the release mark) may come back after a restart; nothing
   * else may. Those that did are held again, exactly as they were.
   */
  private void adoptRejectedThatCameBack() {
    long from = 0;
    for (var b = spool.next(from); b.isPresent(); b = spool.next(from)) {
      long seq = b.get().getSeq();
      if (!model.containsKey(seq)) {
        assertThat(rejected).as("batch %d came back but was never rejected", seq).containsKey(seq);
        assertThat(b.get()).isEqualTo(rejected.get(seq));
        model.put(seq, rejected.remove(seq));
      }
      from = seq;
    }
  }

  private void byteCap() {
    while (model.size() > 1 && bytes() > f.maxBytes) {
      model.pollFirstEntry();
    }
  }

  private void ageCap() {
    long oldest = f.clock.wallNanos() - f.maxAge.toNanos();
    model.values().removeIf(b -> b.getCreatedTimeUnixNano() < oldest);
  }

  private long bytes() {
    return model.values().stream()
        .mapToLong(b -> RecordFormat.HEADER_BYTES + b.getSerializedSize())
        .sum();
  }

  private void check(String after) {
    List<Batch> held = new ArrayList<>();
    long from = 0;
    for (var b = spool.next(from); b.isPresent(); b = spool.next(from)) {
      held.add(b.get());
      from = b.get().getSeq();
    }
    assertThat(held).as("after %s", after).containsExactlyElementsOf(model.values());
    assertThat(spool.epoch()).isEqualTo(epoch);
    assertThat(spool.firstUnacked()).isEqualTo(model.isEmpty() ? 0 : model.firstKey());
    OutboxStats s = spool.stats();
    assertThat(s.heldBytes()).isEqualTo(bytes());
    assertThat(s.spool().quarantinedByReason()).isEmpty();
    assertThat(s.spool().tornTails()).isZero();
    assertConserved(s);
    for (Map.Entry<String, Long> e : s.droppedBatchesByReason().entrySet()) {
      assertThat(e.getKey()).isIn(Spool.BYTES_CAP, Spool.AGE_CAP);
    }
  }
}
