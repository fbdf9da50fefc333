package io.guestbench.collector.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The journal's self-metrics, {@code guestbench_collector_journal_*}. */
final class JournalMetrics {
  private static final String P = "guestbench.collector.journal.";
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong segments = new AtomicLong();
  final AtomicLong pendingBytes = new AtomicLong();
  final AtomicLong healthy = new AtomicLong(1);
  final AtomicLong checkpointKeys = new AtomicLong();
  private final MeterRegistry registry;
  private final Timer fsync;
  private final DistributionSummary group;

  JournalMetrics(MeterRegistry registry) {
    this.registry = registry;
    gauge("bytes", bytes, "Bytes in the journal's segment files.");
    gauge("segments", segments, "Segment files in the journal.");
    gauge("pending.bytes", pendingBytes, "Serialized batches waiting to be written or published.");
    gauge("healthy", healthy, "1 while the journal makes batches durable, 0 after a write failed.");
    gauge(
        "checkpoint.keys",
        checkpointKeys,
        "(agent, epoch) keys in the dedupe checkpoint last written or read.");
    fsync =
        Timer.builder(P + "fsync")
            .description("Time to force one group of appends to the device.")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    group =
        DistributionSummary.builder(P + "group.records")
            .description("Records written per group commit (one write and one fsync).")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(100_000.0)
            .register(registry);
  }

  void forced(Duration took, int records) {
    fsync.record(took);
    group.record(records);
  }

  /** Records appended, each an agent's batch. */
  void appended(int n) {
    counter("appends", "Records appended to the journal.").increment(n);
  }

  void duplicates(int n) {
    counter("duplicates", "Batches already in the journal, not appended again.").increment(n);
  }

  /** Batches refused with a retryable Nack: reason busy (queue full) or failed (write error). */
  void refused(String reason, int n) {
    tagged("refused", reason, "Batches refused with a retryable Nack, by reason.").increment(n);
  }

  void writeError() {
    counter("write.errors", "Group writes or fsyncs that failed.").increment();
  }

  void corrupt(long n) {
    counter("corrupt", "Damaged records skipped when reading the journal on start.").increment(n);
  }

  /** One damaged region found on start, by reason (see {@link Damage}), and its bytes. */
  void damaged(String reason, long bytes) {
    tagged("damaged", reason, "Damaged regions skipped on start, copied to quarantine/, by reason.")
        .increment();
    tagged("damaged.bytes", reason, "Bytes of the damaged regions skipped on start, by reason.")
        .increment(bytes);
  }

  /** The dedupe checkpoint could not be read (unreadable) or written (write). */
  void checkpointFailed(String reason) {
    tagged("checkpoint.failures", reason, "Dedupe checkpoints that could not be read or written.")
        .increment();
  }

  void torn(long n) {
    counter("torn", "Torn tails (writes cut short by a crash) cut off on start.").increment(n);
  }

  /** One segment deleted by retention: reason size or age. */
  void retained(String reason, long segmentBytes) {
    tagged("retention.deleted.segments", reason, "Segments deleted by retention, by reason.")
        .increment();
    tagged("retention.deleted.bytes", reason, "Bytes deleted by retention, by reason.")
        .increment(segmentBytes);
  }

  private Counter tagged(String name, String reason, String help) {
    return Counter.builder(P + name).description(help).tag("reason", reason).register(registry);
  }

  private void gauge(String name, AtomicLong value, String help) {
    Gauge.builder(P + name, value, AtomicLong::get).description(help).register(registry);
  }

  private Counter counter(String name, String help) {
    return Counter.builder(P + name).description(help).register(registry);
  }
}
