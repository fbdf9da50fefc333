package io.guestbench.agent.probe.net.wire;

import java.util.List;
import java.util.Objects;

/**
 * The control messages of the peer protocol. A client opens a control connection and sends {@link
 * Hello}; the peer answers {@link Challenge}, the client {@link Auth}, the peer {@link Accept},
 * {@link Busy} or {@link Refused}. Data connections then {@link Join} the accepted test, and the
 * client paces it with {@link Start}, {@link Measure} and {@link Stop}; the peer ends it with
 * {@link Result}.
 */
public sealed interface Control {
  /** Longest reason text, in UTF-8 bytes. */
  int MAX_TEXT_BYTES = 512;

  /** Most per-interval figures one result carries. */
  int MAX_INTERVALS = 400;

  /** Bytes of a challenge nonce. */
  int NONCE_BYTES = 16;

  FrameType type();

  /** Client: take part in this test. */
  record Hello(TestRequest request) implements Control {
    public Hello {
      Objects.requireNonNull(request, "request");
    }

    @Override
    public FrameType type() {
      return FrameType.HELLO;
    }
  }

  /** Peer: prove you hold the shared secret by a MAC over this nonce and your hello. */
  record Challenge(byte[] nonce, boolean secretRequired) implements Control {
    public Challenge {
      if (nonce.length != NONCE_BYTES) {
        throw new IllegalArgumentException("nonce of " + nonce.length + " bytes");
      }
      nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
      return nonce.clone();
    }

    @Override
    public FrameType type() {
      return FrameType.CHALLENGE;
    }
  }

  /** Client: the MAC, empty when the client has no secret. */
  record Auth(byte[] mac) implements Control {
    public Auth {
      if (mac.length > 64) {
        throw new IllegalArgumentException("mac of " + mac.length + " bytes");
      }
      mac = mac.clone();
    }

    @Override
    public byte[] mac() {
      return mac.clone();
    }

    @Override
    public FrameType type() {
      return FrameType.AUTH;
    }
  }

  /** Peer: the test is yours; data connections join it by {@code testId}. */
  record Accept(long testId, int udpPort) implements Control {
    @Override
    public FrameType type() {
      return FrameType.ACCEPT;
    }
  }

  /** Peer: another test is running; try later. */
  record Busy(String reason) implements Control {
    public Busy {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public FrameType type() {
      return FrameType.BUSY;
    }
  }

  /** Peer: this request will not be served, and why. */
  record Refused(String reason) implements Control {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public FrameType type() {
      return FrameType.REFUSED;
    }
  }

  /** Client, first on a data connection: this connection belongs to that test. */
  record Join(long testId, int index) implements Control {
    @Override
    public FrameType type() {
      return FrameType.JOIN;
    }
  }

  /** Peer: the data connection is attached. */
  record Joined() implements Control {
    @Override
    public FrameType type() {
      return FrameType.JOINED;
    }
  }

  /** Client: every connection is ready; data may flow. */
  record Start() implements Control {
    @Override
    public FrameType type() {
      return FrameType.START;
    }
  }

  /** Client: the warm-up is over; count from now. */
  record Measure() implements Control {
    @Override
    public FrameType type() {
      return FrameType.MEASURE;
    }
  }

  /** Client: the measured time is over; {@code datagramsSent} measured UDP datagrams were sent. */
  record Stop(long datagramsSent) implements Control {
    @Override
    public FrameType type() {
      return FrameType.STOP;
    }
  }

  /**
   * Peer: what it saw between Measure and Stop.
   *
   * @param bytesReceived payload bytes the peer received
   * @param windowNanos the peer's time from Measure to Stop
   * @param retransmits TCP segments the peer retransmitted, or -1 when unknown
   * @param intervalBytesPerSecond payload bytes per second received in each interval
   * @param udp datagram figures of a UDP stream test; zeros otherwise
   */
  record Result(
      long bytesReceived,
      long windowNanos,
      long retransmits,
      List<Long> intervalBytesPerSecond,
      UdpFigures udp)
      implements Control {
    public Result {
      intervalBytesPerSecond = List.copyOf(intervalBytesPerSecond);
      if (intervalBytesPerSecond.size() > MAX_INTERVALS) {
        throw new IllegalArgumentException(intervalBytesPerSecond.size() + " intervals");
      }
      Objects.requireNonNull(udp, "udp");
    }

    @Override
    public FrameType type() {
      return FrameType.RESULT;
    }
  }
}
