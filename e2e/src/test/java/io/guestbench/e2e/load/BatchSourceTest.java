package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.proto.v1.AgentMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pre-encoded batches are byte for byte what protobuf makes of the same batch. */
class BatchSourceTest {
  private final BatchSource source =
      new BatchSource(ResultPool.of(7, 1_750_000_000_000_000_000L, 3), 5);

  @Test
  void eachStartAndSeqEncodesLikeProtobuf() throws Exception {
    for (int start = 0; start < 7; start++) {
      for (long seq : List.of(1L, 127L, 128L, 1L << 40)) {
        AgentMessage typed = source.typed(seq, 1_750_000_000_123_456_789L, start);
        WireMessage wire = source.message(seq, 1_750_000_000_123_456_789L, start);
        assertThat(wire.toByteArray()).isEqualTo(typed.toByteArray());
        assertThat(AgentMessage.parseFrom(wire.toByteArray())).isEqualTo(typed);
      }
    }
  }

  @Test
  void theMarshallerStreamsTheSameBytesByReadAndByDrain() throws Exception {
    WireMessage wire = source.message(9, 1, 2);
    InputStream read = WireMessage.CONNECT.streamRequest(wire);
    assertThat(read.available()).isEqualTo(wire.length());
    ByteArrayOutputStream readBytes = new ByteArrayOutputStream();
    readBytes.write(read.read());
    byte[] chunk = new byte[13];
    for (int n = read.read(chunk, 0, chunk.length); n > 0; n = read.read(chunk, 0, chunk.length)) {
      readBytes.write(chunk, 0, n);
    }
    ByteArrayOutputStream drained = new ByteArrayOutputStream();
    ((io.grpc.Drainable) WireMessage.CONNECT.streamRequest(wire)).drainTo(drained);

    assertThat(readBytes.toByteArray()).isEqualTo(wire.toByteArray());
    assertThat(drained.toByteArray()).isEqualTo(wire.toByteArray());
  }

  @Test
  void nextCountsTheSamplesItCarries() {
    BatchSource.Next next = source.next(1);
    AgentMessage m = parse(next.message());
    assertThat(next.results()).isEqualTo(5).isEqualTo(m.getBatch().getResultsCount());
    assertThat(next.samples())
        .isEqualTo(m.getBatch().getResultsList().stream().mapToInt(BatchSource::samples).sum());
  }

  private static AgentMessage parse(WireMessage m) {
    try {
      return AgentMessage.parseFrom(m.toByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
