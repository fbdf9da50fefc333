package io.guestbench.e2e.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What all simulated agents saw, shared and thread-safe; read as snapshots at window edges. */
final class Tally {
  final AtomicInteger welcomed = new AtomicInteger();
  final AtomicInteger open = new AtomicInteger();
  private final LongAdder sentBatches = new LongAdder();
  private final LongAdder ackedBatches = new LongAdder();
  private final LongAdder ackedResults = new LongAdder();
  private final LongAdder ackedSamples = new LongAdder();
  private final LongAdder deferred = new LongAdder();
  private final LongAdder overflow = new LongAdder();
  private final LongAdder reconnects = new LongAdder();
  private final LongAdder resent = new LongAdder();
  private final Map<String, LongAdder> nacks = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> retryableNacks = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> streamErrors = new ConcurrentHashMap<>();
  private final Recorder latency = new Recorder(3);
  private final Recorder secondLatency = new Recorder(3);

  /**
   * Counters at one moment; subtract two to get a window. {@code sentBatches} counts each batch
   * once, however often it was resent; {@code nacks} are the refusals for good (the batch is
   * dropped), {@code retryableNacks} the ones that made a stream reconnect and resend.
   */
  record Snapshot(
      long sentBatches,
      long ackedBatches,
      long ackedResults,
      long ackedSamples,
      long deferred,
      long overflow,
      long reconnects,
      long resent,
      Map<String, Long> nacks,
      Map<String, Long> retryableNacks,
      Map<String, Long> streamErrors) {
    Snapshot minus(Snapshot earlier) {
      return new Snapshot(
          sentBatches - earlier.sentBatches,
          ackedBatches - earlier.ackedBatches,
          ackedResults - earlier.ackedResults,
          ackedSamples - earlier.ackedSamples,
          deferred - earlier.deferred,
          overflow - earlier.overflow,
          reconnects - earlier.reconnects,
          resent - earlier.resent,
          diff(nacks, earlier.nacks),
          diff(retryableNacks, earlier.retryableNacks),
          diff(streamErrors, earlier.streamErrors));
    }

    private static Map<String, Long> diff(Map<String, Long> now, Map<String, Long> before) {
      Map<String, Long> out = new TreeMap<>();
      now.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0L)));
      out.values().removeIf(v -> v == 0);
      return out;
    }
  }

  void sent() {
    sentBatches.increment();
  }

  /** A batch the pacer wanted sent while the in-flight window was full. */
  void deferred() {
    deferred.increment();
  }

  /** A batch the pacer dropped because its agent's backlog of deferred batches was full. */
  void overflow() {
    overflow.increment();
  }

  void acked(AckWindow.Settled settled) {
    ackedBatches.add(settled.batches());
    ackedResults.add(settled.results());
    ackedSamples.add(settled.samples());
  }

  void latencyNanos(long nanos) {
    latency.recordValue(Math.max(0, nanos));
    secondLatency.recordValue(Math.max(0, nanos));
  }

  /** A batch refused for good: it is settled without being stored. */
  void nacked(String reason) {
    nacks.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** A batch refused for now: its stream is dropped and the batch stays unsettled. */
  void retryableNack(String reason) {
    retryableNacks.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** A stream dropped after a retryable Nack was replaced by a welcomed one. */
  void reconnected() {
    reconnects.increment();
  }

  /** A batch sent again, with its seq and bytes, on a new stream. */
  void resent() {
    resent.increment();
  }

  void streamError(String code) {
    streamErrors.computeIfAbsent(code, r -> new LongAdder()).increment();
  }

  /** Latencies recorded since the previous call (the first call drops the warm-up's). */
  Histogram latencySinceLast() {
    return latency.getIntervalHistogram();
  }

  /** Latencies recorded since the previous call, for the per-second timeline. */
  Histogram secondLatency() {
    return secondLatency.getIntervalHistogram();
  }

  Snapshot snapshot() {
    return new Snapshot(
        sentBatches.sum(),
        ackedBatches.sum(),
        ackedResults.sum(),
        ackedSamples.sum(),
        deferred.sum(),
        overflow.sum(),
        reconnects.sum(),
        resent.sum(),
        sums(nacks),
        sums(retryableNacks),
        sums(streamErrors));
  }

  private static Map<String, Long> sums(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
