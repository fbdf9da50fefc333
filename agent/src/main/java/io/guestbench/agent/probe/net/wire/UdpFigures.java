package io.guestbench.agent.probe.net.wire;

/**
 * What the receiving end of a UDP stream counted among the measured datagrams.
 *
 * @param received distinct measured datagrams that arrived
 * @param reordered datagrams that arrived after one with a higher sequence number
 * @param duplicates datagrams that arrived more than once (each extra copy counts)
 * @param jitterNanos the RFC 3550 interarrival jitter estimate at the end, in nanoseconds
 */
public record UdpFigures(long received, long reordered, long duplicates, long jitterNanos) {
  public static final UdpFigures NONE = new UdpFigures(0, 0, 0, 0);

  public UdpFigures {
    if (received < 0 || reordered < 0 || duplicates < 0 || jitterNanos < 0) {
      throw new IllegalArgumentException("negative UDP figure");
    }
  }
}
