package io.guestbench.agent.probe.net.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
  private final List<String> seen = new ArrayList<>();
  private final FrameListener listener =
      new FrameListener() {
        @Override
        public void control(ChannelHandlerContext ctx, Control message) {
          seen.add("control " + message.type());
        }

        @Override
        public void payload(ChannelHandlerContext ctx, FrameType type, int bytes) {
          seen.add("payload " + type + " " + bytes);
        }

        @Override
        public void frameEnd(ChannelHandlerContext ctx, FrameType type) {
          seen.add("end " + type);
        }

        @Override
        public void violation(ChannelHandlerContext ctx, Violation violation, String preview) {
          seen.add("violation " + violation + " \"" + preview + "\"");
        }
      };

  private EmbeddedChannel channel(int maxData) {
    return new EmbeddedChannel(
        new FrameReader(listener, t -> t.control() ? Frames.MAX_CONTROL_BYTES : maxData));
  }

  @Test
  void aControlFrameSplitAcrossReadsIsDecodedOnce() {
    EmbeddedChannel ch = channel(1024);
    ByteBuf frame =
        ControlCodec.encode(ByteBufAllocator.DEFAULT, new Control.Hello(ControlCodecTest.REQUEST));
    while (frame.isReadable()) {
      ch.writeInbound(frame.readRetainedSlice(Math.min(3, frame.readableBytes())));
    }
    frame.release();
    assertThat(seen).containsExactly("control HELLO");
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  void dataPayloadsAreCountedAsTheyArriveAndNeverBuffered() {
    EmbeddedChannel ch = channel(100_000);
    ByteBuf frame = Frames.filled(ByteBufAllocator.DEFAULT, FrameType.DATA, 100_000);
    ch.writeInbound(frame.readRetainedSlice(60_008));
    ch.writeInbound(frame.readRetainedSlice(40_000));
    frame.release();
    ch.writeInbound(Frames.filled(ByteBufAllocator.DEFAULT, FrameType.REQUEST, 0));
    assertThat(seen)
        .containsExactly("payload DATA 60000", "payload DATA 40000", "end DATA", "end REQUEST");
  }

  @Test
  void anotherProtocolIsDroppedAtItsFirstBytesWithAPreview() {
    EmbeddedChannel ch = channel(1024);
    ch.writeInbound(
        Unpooled.copiedBuffer("HTTP/1.1 400 Bad Request\r\n", StandardCharsets.US_ASCII));
    assertThat(seen).containsExactly("violation BAD_MAGIC \"HTTP/1.1 400 Bad Request\"");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void headersBreakingTheRulesAreViolations() {
    assertThat(violationFor(header(2, 1, 0))).isEqualTo("violation BAD_VERSION \"GB.......\"");
    assertThat(violationFor(header(1, 99, 0))).startsWith("violation UNKNOWN_TYPE");
    assertThat(violationFor(header(1, FrameType.DATA.code(), 1025)))
        .startsWith("violation TOO_LARGE");
    assertThat(violationFor(header(1, FrameType.HELLO.code(), Frames.MAX_CONTROL_BYTES + 1)))
        .startsWith("violation TOO_LARGE");
    assertThat(violationFor(header(1, FrameType.BUSY.code(), 1))).startsWith("violation MALFORMED");
  }

  @Test
  void aRefusedTypeIsUnexpected() {
    EmbeddedChannel ch = new EmbeddedChannel(new FrameReader(listener, t -> -1));
    ch.writeInbound(header(1, FrameType.START.code(), 0));
    assertThat(seen).containsExactly("violation UNEXPECTED \"GB......\"");
  }

  private String violationFor(ByteBuf bytes) {
    seen.clear();
    EmbeddedChannel ch = channel(1024);
    ch.writeInbound(bytes.writeZero(1));
    assertThat(ch.isOpen()).isFalse();
    return seen.getFirst();
  }

  private static ByteBuf header(int version, int type, int length) {
    return Unpooled.buffer()
        .writeShort(Frames.MAGIC)
        .writeByte(version)
        .writeByte(type)
        .writeInt(length);
  }
}
