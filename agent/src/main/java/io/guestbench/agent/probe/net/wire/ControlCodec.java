package io.guestbench.agent.probe.net.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes control messages as frames and reads them back, refusing anything malformed. */
public final class ControlCodec {
  private ControlCodec() {}

  /** The message as one whole frame. */
  public static ByteBuf encode(ByteBufAllocator alloc, Control message) {
    ByteBuf payload = alloc.heapBuffer(64);
    try {
      writePayload(payload, message);
      ByteBuf frame = alloc.buffer(Frames.HEADER_BYTES + payload.readableBytes());
      Frames.writeHeader(frame, message.type(), payload.readableBytes());
      return frame.writeBytes(payload);
    } finally {
      payload.release();
    }
  }

  /** The payload bytes alone, as the shared-secret MAC covers them. */
  public static byte[] payloadBytes(Control message) {
    ByteBuf payload = ByteBufAllocator.DEFAULT.heapBuffer(64);
    try {
      writePayload(payload, message);
      byte[] bytes = new byte[payload.readableBytes()];
      payload.readBytes(bytes);
      return bytes;
    } finally {
      payload.release();
    }
  }

  /**
   * The message in a complete payload of a control frame, or null when the payload is malformed:
   * too short, too long, or out of the protocol's bounds.
   */
  public static Control decode(FrameType type, ByteBuf payload) {
    try {
      Control message = read(type, payload);
      return payload.isReadable() ? null : message;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      return null; // short or out of bounds: the caller counts it and drops the connection
    }
  }

  private static void writePayload(ByteBuf out, Control message) {
    switch (message) {
      case Control.Hello h -> writeRequest(out, h.request());
      case Control.Challenge c -> out.writeBytes(c.nonce()).writeBoolean(c.secretRequired());
      case Control.Auth a -> out.writeByte(a.mac().length).writeBytes(a.mac());
      case Control.Accept a -> out.writeLong(a.testId()).writeShort(a.udpPort());
      case Control.Busy b -> writeText(out, b.reason());
      case Control.Refused r -> writeText(out, r.reason());
      case Control.Join j -> out.writeLong(j.testId()).writeShort(j.index());
      case Control.Joined j -> {}
      case Control.Start s -> {}
      case Control.Measure m -> {}
      case Control.Stop s -> out.writeLong(s.datagramsSent());
      case Control.Result r -> writeResult(out, r);
    }
  }

  private static Control read(FrameType type, ByteBuf in) {
    return switch (type) {
      case HELLO -> new Control.Hello(readRequest(in));
      case CHALLENGE -> new Control.Challenge(bytes(in, Control.NONCE_BYTES), in.readBoolean());
      case AUTH -> new Control.Auth(bytes(in, in.readUnsignedByte()));
      case ACCEPT -> new Control.Accept(in.readLong(), in.readUnsignedShort());
      case BUSY -> new Control.Busy(readText(in));
      case REFUSED -> new Control.Refused(readText(in));
      case JOIN -> new Control.Join(in.readLong(), in.readUnsignedShort());
      case JOINED -> new Control.Joined();
      case START -> new Control.Start();
      case MEASURE -> new Control.Measure();
      case STOP -> new Control.Stop(nonNegative(in.readLong()));
      case RESULT -> readResult(in);
      case DATA, REQUEST, RESPONSE -> throw new IllegalArgumentException(type + " is not control");
    };
  }

  private static void writeRequest(ByteBuf out, TestRequest r) {
    out.writeByte(r.kind().ordinal())
        .writeByte(r.direction().ordinal())
        .writeShort(r.connections())
        .writeInt(r.messageBytes())
        .writeInt(r.responseBytes())
        .writeLong(r.warmupNanos())
        .writeLong(r.durationNanos())
        .writeLong(r.intervalNanos())
        .writeLong(r.rate());
  }

  private static TestRequest readRequest(ByteBuf in) {
    return new TestRequest(
        TestKind.values()[in.readUnsignedByte()],
        Direction.values()[in.readUnsignedByte()],
        in.readUnsignedShort(),
        in.readInt(),
        in.readInt(),
        in.readLong(),
        in.readLong(),
        in.readLong(),
        in.readLong());
  }

  private static void writeResult(ByteBuf out, Control.Result r) {
    out.writeLong(r.bytesReceived()).writeLong(r.windowNanos()).writeLong(r.retransmits());
    out.writeShort(r.intervalBytesPerSecond().size());
    r.intervalBytesPerSecond().forEach(out::writeLong);
    UdpFigures u = r.udp();
    out.writeLong(u.received())
        .writeLong(u.reordered())
        .writeLong(u.duplicates())
        .writeLong(u.jitterNanos());
  }

  private static Control.Result readResult(ByteBuf in) {
    long received = nonNegative(in.readLong());
    long window = nonNegative(in.readLong());
    long retransmits = in.readLong();
    int n = in.readUnsignedShort();
    if (n > Control.MAX_INTERVALS || retransmits < -1) {
      throw new IllegalArgumentException("result out of bounds");
    }
    List<Long> intervals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      intervals.add(nonNegative(in.readLong()));
    }
    UdpFigures udp = new UdpFigures(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    return new Control.Result(received, window, retransmits, intervals, udp);
  }

  private static void writeText(ByteBuf out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(bytes.length, Control.MAX_TEXT_BYTES);
    out.writeShort(n).writeBytes(bytes, 0, n);
  }

  private static String readText(ByteBuf in) {
    int n = in.readUnsignedShort();
    if (n > Control.MAX_TEXT_BYTES) {
      throw new IllegalArgumentException("text of " + n + " bytes");
    }
    return new String(bytes(in, n), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuf in, int n) {
    byte[] bytes = new byte[n];
    in.readBytes(bytes);
    return bytes;
  }

  private static long nonNegative(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative " + value);
    }
    return value;
  }
}
