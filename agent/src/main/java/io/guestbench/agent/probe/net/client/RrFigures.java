package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.Samples;
import java.util.Objects;

/**
 * What a request/response test measured.
 *
 * @param rtt nanoseconds of each measured transaction; in open loop from its intended send time
 * @param windowNanos the measured time
 * @param lost UDP requests or responses that never came back in time; 0 for TCP
 * @param retransmits TCP segments retransmitted by either end while measuring, or -1 if unknown
 */
public record RrFigures(Samples rtt, long windowNanos, long lost, long retransmits) {
  public RrFigures {
    Objects.requireNonNull(rtt, "rtt");
  }

  public double transactionsPerSecond() {
    return windowNanos <= 0 ? 0 : rtt.count() * 1e9 / windowNanos;
  }

  /** Lost over everything measured, 0..1. */
  public double lossRatio() {
    long all = rtt.count() + lost;
    return all == 0 ? 0 : (double) lost / all;
  }
}
