package io.guestbench.agent.probe.net.client;

import io.guestbench.agent.probe.net.wire.UdpFigures;

/**
 * What a UDP stream test measured.
 *
 * @param datagramsSent measured datagrams this agent sent
 * @param datagramBytes size of each
 * @param windowNanos the measured sending time
 * @param peer what the receiving peer counted
 */
public record UdpStreamFigures(
    long datagramsSent, int datagramBytes, long windowNanos, UdpFigures peer) {

  public double sentBytesPerSecond() {
    return windowNanos <= 0 ? 0 : datagramsSent * (double) datagramBytes * 1e9 / windowNanos;
  }

  public double receivedBytesPerSecond() {
    return windowNanos <= 0 ? 0 : peer.received() * (double) datagramBytes * 1e9 / windowNanos;
  }

  /** Measured datagrams that never arrived, over those sent, 0..1. */
  public double lossRatio() {
    return datagramsSent == 0
        ? 0
        : Math.max(0, datagramsSent - peer.received()) / (double) datagramsSent;
  }

  /** Datagrams that arrived out of order, over those that arrived, 0..1. */
  public double reorderedRatio() {
    return peer.received() == 0 ? 0 : (double) peer.reordered() / peer.received();
  }
}
