package io.guestbench.agent.probe.net.client;

import java.util.List;

/**
 * What a stream test measured. Each direction is measured where the bytes arrive: what this agent
 * sent, at the peer; what it received, here.
 *
 * @param sentBytesPerSecond this agent to the peer, or -1 when that direction was not tested
 * @param receivedBytesPerSecond the peer to this agent, or -1 when not tested
 * @param sentIntervals bytes/s of each interval, this agent to the peer
 * @param receivedIntervals bytes/s of each interval, the peer to this agent
 * @param retransmits TCP segments retransmitted by either end while measuring, or -1 if unknown
 * @param windowNanos the measured time, as this agent saw it
 */
public record StreamFigures(
    double sentBytesPerSecond,
    double receivedBytesPerSecond,
    List<Long> sentIntervals,
    List<Long> receivedIntervals,
    long retransmits,
    long windowNanos) {
  public StreamFigures {
    sentIntervals = List.copyOf(sentIntervals);
    receivedIntervals = List.copyOf(receivedIntervals);
  }
}
