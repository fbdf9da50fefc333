package io.guestbench.agent.probe.net.wire;

/**
 * The kinds of frame the peer protocol has. Control frames are decoded whole and bounded by {@link
 * Frames#MAX_CONTROL_BYTES}; data frames are counted and skipped as they arrive, never buffered.
 */
public enum FrameType {
  HELLO(1, true),
  CHALLENGE(2, true),
  AUTH(3, true),
  ACCEPT(4, true),
  BUSY(5, true),
  REFUSED(6, true),
  JOIN(7, true),
  JOINED(8, true),
  START(9, true),
  MEASURE(10, true),
  STOP(11, true),
  RESULT(12, true),
  /** Bulk bytes of a stream test. */
  DATA(32, false),
  /** One request of a request/response test. */
  REQUEST(33, false),
  /** One response of a request/response test. */
  RESPONSE(34, false);

  private static final FrameType[] BY_CODE = new FrameType[256];

  static {
    for (FrameType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final boolean control;

  FrameType(int code, boolean control) {
    this.code = code;
    this.control = control;
  }

  public int code() {
    return code;
  }

  public boolean control() {
    return control;
  }

  /** The type with this code, or null when there is none. */
  public static FrameType of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
