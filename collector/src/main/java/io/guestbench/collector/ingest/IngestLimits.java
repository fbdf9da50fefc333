package io.guestbench.collector.ingest;

/**
 * What one agent stream may send.
 *
 * @param maxMessageBytes the largest gRPC message accepted
 * @param maxResultsPerBatch results one batch may carry
 * @param resultsPerSecond sustained results per second per stream
 * @param resultsBurst results a stream may send at once; at least {@code maxResultsPerBatch}
 */
public record IngestLimits(
    int maxMessageBytes, int maxResultsPerBatch, double resultsPerSecond, double resultsBurst) {
  public IngestLimits {
    if (maxMessageBytes < 1 || maxResultsPerBatch < 1 || resultsPerSecond <= 0) {
      throw new IllegalArgumentException("ingest limits must be positive");
    }
    if (resultsBurst < maxResultsPerBatch) {
      throw new IllegalArgumentException("a burst below one full batch would refuse it forever");
    }
  }

  /** Limits for tests and tools that do not read a config. */
  public static IngestLimits defaults() {
    return new IngestLimits(4 << 20, 1000, 2000, 10_000);
  }
}
