package io.guestbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.guestbench.collector.journal.JournalReader;
import io.guestbench.collector.journal.StoredBatch;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The collector's journal against {@code kill -9}: batches stream in from a gRPC client, the real
 * collector process is killed while it acknowledges them, and a new process on the same journal
 * must hold every acknowledged batch exactly once and treat their resends as duplicates.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JournalKillIT extends RealProcessTest {
  private static final String AGENT = "kill-agent";
  private static final long EPOCH = 11;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void closeChannels() {
    channels.forEach(ManagedChannel::shutdownNow);
  }

  private RawAgentStream connect(CollectorProcess collector) {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", collector.grpcPort).usePlaintext().build();
    channels.add(channel);
    return new RawAgentStream(channel).send(RawAgentStream.hello(AGENT, EPOCH));
  }

  private static ProbeResult result(long seq) {
    return SampleResults.cpu("run-" + seq, "int", 1e9 + seq, 1000, 2000);
  }

  @Test
  void everyAckedBatchSurvivesKillNineOnceAndItsResendIsADuplicate() throws Exception {
    CollectorProcess first = CollectorProcess.start(runner, dir);
    RawAgentStream agent = connect(first);
    assertThat(agent.next().hasWelcome()).isTrue();
    AtomicBoolean sending = new AtomicBoolean(true);
    Thread sender =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    for (long seq = 1; seq <= 20_000 && sending.get(); seq++) {
                      agent.send(seq, result(seq));
                    }
                  } catch (RuntimeException e) {
                    // the stream broke under the kill; what was sent is what counts
                  }
                });
    long acked = 0;
    while (acked < 500) {
      CollectorMessage m = agent.next();
      assertThat(m.hasAck()).as("%s", m).isTrue();
      acked = m.getAck().getSeq();
    }
    first.process.destroyForcibly(); // SIGKILL, mid-stream
    assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    sending.set(false);
    sender.join(10_000);
    for (CollectorMessage m = agent.received.poll(); m != null; m = agent.received.poll()) {
      acked = Math.max(acked, m.getAck().getSeq());
    }

    CollectorProcess second = CollectorProcess.start(runner, dir);
    List<Long> stored = journaled();
    assertThat(stored.getLast())
        .as("the highest acked seq is stored")
        .isGreaterThanOrEqualTo(acked);
    assertThat(stored)
        .as("every batch up to it, once, in order")
        .isEqualTo(range(1, stored.getLast()));

    RawAgentStream again = connect(second);
    long welcome = again.next().getWelcome().getHighestStoredSeq();
    assertThat(welcome).isGreaterThanOrEqualTo(acked).isEqualTo(stored.getLast());
    for (long seq = 1; seq <= welcome; seq++) {
      again.send(seq, result(seq));
    }
    long last = 0;
    while (last < welcome) {
      last = again.next().getAck().getSeq();
    }
    assertThat(metric(second, "guestbench_collector_batches_total{result=\"duplicate\"}"))
        .isEqualTo(welcome);
    assertThat(metric(second, "guestbench_collector_batches_total{result=\"stored\"}")).isZero();
    assertThat(journaled()).isEqualTo(stored);
    assertThat(second.terminate(20)).isZero();
  }

  private List<Long> journaled() throws Exception {
    List<Long> seqs = new ArrayList<>();
    try (JournalReader reader = JournalReader.open(dir.resolve("journal"))) {
      for (StoredBatch b : reader) {
        assertThat(b.key().agentId()).isEqualTo(AGENT);
        seqs.add(b.seq());
      }
      assertThat(reader.duplicates()).as("copies of one batch in the journal").isZero();
      assertThat(reader.corrupt()).isZero();
    }
    return seqs;
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  private static double metric(CollectorProcess collector, String series) throws Exception {
    return Http.get(collector.metricsUrl())
        .body()
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
