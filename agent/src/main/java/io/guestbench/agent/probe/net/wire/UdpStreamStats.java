package io.guestbench.agent.probe.net.wire;

import java.util.BitSet;

/**
 * The receiving end's account of a UDP stream: distinct datagrams, reordering, duplicates and the
 * RFC 3550 interarrival jitter, whose estimator J += (|D| - J) / 16 follows each arrival's change
 * in transit time, so the clocks of the two ends need not agree. Thread-safe.
 */
public final class UdpStreamStats {
  private final long capacity;
  private final BitSet seen = new BitSet();
  private long received;
  private long reordered;
  private long duplicates;
  private long highest = -1;
  private double jitter;
  private long lastTransit;
  private boolean any;

  /** Sequence numbers at or above {@code capacity} are ignored: the sender promised fewer. */
  public UdpStreamStats(long capacity) {
    if (capacity < 1 || capacity > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * One measured datagram arrived.
   *
   * @param seq its number among the measured datagrams, from 0
   * @param sentNanos the sender's clock when it was sent
   * @param arrivedNanos this end's clock when it arrived
   * @return false when the number is out of range and the datagram was ignored
   */
  public synchronized boolean arrived(long seq, long sentNanos, long arrivedNanos) {
    if (seq < 0 || seq >= capacity) {
      return false;
    }
    if (seen.get((int) seq)) {
      duplicates++;
      return true;
    }
    seen.set((int) seq);
    received++;
    if (seq < highest) {
      reordered++;
    } else {
      highest = seq;
    }
    long transit = arrivedNanos - sentNanos;
    if (any) {
      jitter += (Math.abs(transit - lastTransit) - jitter) / 16.0;
    }
    lastTransit = transit;
    any = true;
    return true;
  }

  public synchronized UdpFigures figures() {
    return new UdpFigures(received, reordered, duplicates, Math.round(jitter));
  }
}
