package io.guestbench.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.collector.ingest.AgentKey;
import io.guestbench.collector.metrics.AgentLabels;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class FramesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/journal/record.hex");

  /** A record whose every field is fixed, so its bytes are too. */
  static ByteBuffer goldenFrame() {
    return Frames.frame(
        RecordCodec.encode(
            new AgentKey("a1", 2),
            3,
            1_750_000_000_000_000_000L,
            new AgentLabels("a1", "xen-pv", "m3.medium", "e"),
            List.of(goldenResult())));
  }

  private static ProbeResult goldenResult() {
    return ProbeResult.newBuilder()
        .setRunId("r1")
        .setKind(ProbeKind.PROBE_KIND_CPU)
        .setName("compute")
        .putParams("kernel", "int")
        .addScalars(Scalar.newBuilder().setName("ops_per_second").setValue(1e9))
        .setStatus(RunStatus.RUN_STATUS_OK)
        .build();
  }

  /** The header on the first line, then the payload 32 bytes a line. */
  private static String hexLines(byte[] frame) {
    StringBuilder out = new StringBuilder(HexFormat.of().formatHex(frame, 0, 12)).append('\n');
    for (int i = 12; i < frame.length; i += 32) {
      out.append(HexFormat.of().formatHex(frame, i, Math.min(frame.length, i + 32))).append('\n');
    }
    return out.toString();
  }

  @Test
  void aRecordFramedInPlaceIsTheSameBytesAtAnyOffsetOfAHeapOrDirectBuffer() {
    byte[] golden = goldenFrame().array();
    var record =
        RecordCodec.encode(
            new AgentKey("a1", 2),
            3,
            1_750_000_000_000_000_000L,
            new AgentLabels("a1", "xen-pv", "m3.medium", "e"),
            List.of(goldenResult()));
    for (ByteBuffer dst :
        List.of(
            ByteBuffer.allocate(golden.length + 9), ByteBuffer.allocateDirect(golden.length + 9))) {
      for (int offset = 0; offset <= 9; offset += 3) {
        dst.clear().position(offset);
        Frames.frameInto(record, golden.length - Frames.HEADER_BYTES, dst);
        assertThat(dst.position()).isEqualTo(offset + golden.length);
        byte[] framed = new byte[golden.length];
        dst.get(offset, framed);
        assertThat(framed)
            .as("%s at %d", dst.isDirect() ? "direct" : "heap", offset)
            .isEqualTo(golden);
      }
    }
  }

  @Test
  void oneRecordMatchesTheGoldenBytes() throws Exception {
    String actual = hexLines(goldenFrame().array());
    String expected = Files.exists(GOLDEN) ? Files.readString(GOLDEN) : "";
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "golden", "journal-record.hex");
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual);
    }
    assertThat(actual)
        .as(
            "differs from %s; review target/golden/journal-record.hex, copy it over if right",
            GOLDEN)
        .isEqualTo(expected);
  }

  @Test
  void headerIsMagicVersionFlagsLengthAndCastagnoliChecksum() {
    ByteBuffer frame = goldenFrame();
    assertThat(frame.get(0)).isEqualTo((byte) 'G');
    assertThat(frame.get(1)).isEqualTo((byte) 'J');
    assertThat(frame.get(2)).isEqualTo((byte) 1);
    assertThat(frame.get(3)).isZero();
    assertThat(frame.getInt(4)).isEqualTo(frame.limit() - Frames.HEADER_BYTES);
    CRC32C crc = new CRC32C();
    crc.update(frame.array(), 0, 8);
    crc.update(frame.array(), 12, frame.limit() - 12);
    assertThat(frame.getInt(8)).isEqualTo((int) crc.getValue());
  }

  @Test
  void checksumIsCrc32cNotCrc32() {
    CRC32C crc = new CRC32C();
    crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
    assertThat(crc.getValue()).isEqualTo(0xE3069283L); // the published CRC-32C check value
  }

  @Test
  void decodesBackWithHeadFieldsFirst() throws Exception {
    ByteBuffer frame = goldenFrame();
    Frames.Probe probe = Frames.probe(frame, 0);
    assertThat(probe).isInstanceOf(Frames.Valid.class);
    Frames.Valid v = (Frames.Valid) probe;
    ByteBuffer payload = frame.slice(v.payloadStart(), v.payloadLength());
    assertThat(RecordCodec.head(payload))
        .isEqualTo(new RecordCodec.Head(new AgentKey("a1", 2), 3, 1_750_000_000_000_000_000L));
    StoredBatch batch = RecordCodec.decode(payload);
    assertThat(batch.labels()).isEqualTo(new AgentLabels("a1", "xen-pv", "m3.medium", "e"));
    assertThat(batch.results()).hasSize(1);
    assertThat(batch.results().getFirst().getParamsMap()).containsEntry("kernel", "int");
  }
}
