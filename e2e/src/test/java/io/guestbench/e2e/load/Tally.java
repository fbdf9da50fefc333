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
  private final Map<String, LongAdder> nacks = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> streamErrors = new ConcurrentHashMap<>();
  private final Recorder latency = new Recorder(3);

  /** Counters at one moment; subtract two to get a window. */
  record Snapshot(
      long sentBatches,
      long ackedBatches,
      long ackedResults,
      long ackedSamples,
      long deferred,
      long overflow,
      Map<String, Long> nacks,
      Map<String, Long> streamErrors) {
    Snapshot minus(Snapshot earlier) {
      return new Snapshot(
          sentBatches - earlier.sentBatches,
          ackedBatches - earlier.ackedBatches,
          ackedResults - earlier.ackedResults,
          ackedSamples - earlier.ackedSamples,
          deferred - earlier.deferred,
          overflow - earlier.overflow,
          diff(nacks, earlier.nacks),
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
  }

  void nacked(String reason) {
    nacks.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  void streamError(String code) {
    streamErrors.computeIfAbsent(code, r -> new LongAdder()).increment();
  }

  /** Latencies recorded since the previous call (the first call drops the warm-up's). */
  Histogram latencySinceLast() {
    return latency.getIntervalHistogram();
  }

  Snapshot snapshot() {
    return new Snapshot(
        sentBatches.sum(),
        ackedBatches.sum(),
        ackedResults.sum(),
        ackedSamples.sum(),
        deferred.sum(),
        overflow.sum(),
        sums(nacks),
        sums(streamErrors));
  }

  private static Map<String, Long> sums(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
