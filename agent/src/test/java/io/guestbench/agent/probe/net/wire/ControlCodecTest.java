package io.guestbench.agent.probe.net.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlCodecTest {
  static final TestRequest REQUEST =
      new TestRequest(
          TestKind.STREAM,
          Direction.BOTH,
          4,
          131072,
          0,
          2_000_000_000L,
          10_000_000_000L,
          1_000_000_000L,
          0);

  @Test
  void everyMessageSurvivesTheWire() {
    List<Control> all =
        List.of(
            new Control.Hello(REQUEST),
            new Control.Challenge(new byte[16], true),
            new Control.Auth(new byte[32]),
            new Control.Accept(-42L, 7071),
            new Control.Busy("busy: 1 of 1 tests running"),
            new Control.Refused("ünïcode reason"),
            new Control.Join(Long.MAX_VALUE, 63),
            new Control.Joined(),
            new Control.Start(),
            new Control.Measure(),
            new Control.Stop(123),
            new Control.Result(1, 2, -1, List.of(3L, 4L), new UdpFigures(5, 6, 7, 8)));
    for (Control message : all) {
      ByteBuf frame = ControlCodec.encode(Unpooled.buffer().alloc(), message);
      assertThat(frame.readUnsignedShort()).isEqualTo(Frames.MAGIC);
      assertThat(frame.readUnsignedByte()).isEqualTo((short) Frames.VERSION);
      assertThat(FrameType.of(frame.readUnsignedByte())).isEqualTo(message.type());
      assertThat(frame.readInt()).isEqualTo(frame.readableBytes());
      Control back = ControlCodec.decode(message.type(), frame);
      assertThat(back).usingRecursiveComparison().isEqualTo(message);
      frame.release();
    }
  }

  @Test
  void malformedPayloadsDecodeToNull() {
    byte[] hello = ControlCodec.payloadBytes(new Control.Hello(REQUEST));
    assertThat(decode(FrameType.HELLO, java.util.Arrays.copyOf(hello, hello.length - 1))).isNull();
    assertThat(decode(FrameType.HELLO, java.util.Arrays.copyOf(hello, hello.length + 1))).isNull();
    hello[0] = 99; // no such test kind
    assertThat(decode(FrameType.HELLO, hello)).isNull();
    byte[] zeroConnections = ControlCodec.payloadBytes(new Control.Hello(REQUEST));
    zeroConnections[2] = 0;
    zeroConnections[3] = 0;
    assertThat(decode(FrameType.HELLO, zeroConnections)).isNull();
    assertThat(decode(FrameType.BUSY, new byte[] {0x7f, 0x7f, 'x'})).isNull();
    assertThat(decode(FrameType.STOP, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1})).isNull();
    assertThat(decode(FrameType.CHALLENGE, new byte[15])).isNull();
    assertThat(decode(FrameType.DATA, new byte[0])).isNull();
  }

  @Test
  void longTextIsCutToTheProtocolsBound() {
    Control.Refused long_ = new Control.Refused("x".repeat(10_000));
    Control back = decode(FrameType.REFUSED, ControlCodec.payloadBytes(long_));
    assertThat(((Control.Refused) back).reason()).hasSize(Control.MAX_TEXT_BYTES);
  }

  private static Control decode(FrameType type, byte[] payload) {
    return ControlCodec.decode(type, Unpooled.wrappedBuffer(payload));
  }
}
