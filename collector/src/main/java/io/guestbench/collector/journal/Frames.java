package io.guestbench.collector.journal;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame around each journal record (see {@code guestbench/v1/journal.proto}): magic "GJ",
 * version, flags, payload length and a CRC32C over the header's first eight bytes and the payload,
 * so a flipped bit anywhere, the length included, is caught.
 */
final class Frames {
  static final int HEADER_BYTES = 12;
  static final int MAX_PAYLOAD_BYTES = 64 << 20;
  private static final byte MAGIC_0 = 'G';
  private static final byte MAGIC_1 = 'J';
  private static final byte VERSION = 1;

  private Frames() {}

  /** What lies at one position of a segment. */
  sealed interface Probe {}

  /** A whole frame with a matching checksum. */
  record Valid(int payloadStart, int payloadLength) implements Probe {
    int end() {
      return payloadStart + payloadLength;
    }
  }

  /** A plausible header whose frame runs past the end of the data: a write cut short. */
  record Incomplete() implements Probe {}

  /** Not a frame: wrong magic, version, flags or length, or a checksum mismatch. */
  record Invalid() implements Probe {}

  /** The framed bytes of one payload, ready to append. */
  static ByteBuffer frame(byte[] payload) {
    checkLength(payload.length);
    ByteBuffer framed = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    framed.put(HEADER_BYTES, payload);
    seal(framed, 0, payload.length);
    return framed;
  }

  /** A record serialized straight into its frame, without an intermediate copy. */
  static ByteBuffer frame(MessageLite record) {
    int length = record.getSerializedSize();
    checkLength(length);
    ByteBuffer framed = ByteBuffer.allocate(HEADER_BYTES + length);
    frameInto(record, length, framed);
    return framed.clear();
  }

  /**
   * Frames {@code record}, whose serialized size is {@code length}, at {@code dst}'s position,
   * which moves past it.
   */
  static void frameInto(MessageLite record, int length, ByteBuffer dst) {
    checkLength(length);
    int start = dst.position();
    CodedOutputStream out = CodedOutputStream.newInstance(dst.slice(start + HEADER_BYTES, length));
    try {
      record.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("serializing into a buffer of the exact size", e);
    }
    out.checkNoSpaceLeft();
    seal(dst, start, length);
    dst.position(start + HEADER_BYTES + length);
  }

  static void checkLength(int length) {
    if (length < 1 || length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("payload of " + length + " bytes");
    }
  }

  /** Writes the header in front of the {@code length} payload bytes already at {@code start}. */
  private static void seal(ByteBuffer dst, int start, int length) {
    ByteBuffer header = dst.slice(start, HEADER_BYTES); // big-endian, whatever dst's order
    header.put(MAGIC_0).put(MAGIC_1).put(VERSION).put((byte) 0).putInt(length);
    CRC32C crc = new CRC32C();
    crc.update(header.slice(0, 8));
    crc.update(dst.slice(start + HEADER_BYTES, length));
    header.putInt(8, (int) crc.getValue());
  }

  /** Reads the frame at {@code pos} of {@code data} (absolute positions, big-endian). */
  static Probe probe(ByteBuffer data, int pos) {
    int available = data.limit() - pos;
    if (available < HEADER_BYTES) {
      return plausiblePrefix(data, pos) ? new Incomplete() : new Invalid();
    }
    int length = data.getInt(pos + 4);
    if (!headerMatches(data, pos) || length < 1 || length > MAX_PAYLOAD_BYTES) {
      return new Invalid();
    }
    if (available - HEADER_BYTES < length) {
      return new Incomplete();
    }
    CRC32C crc = new CRC32C();
    crc.update(data.slice(pos, 8));
    crc.update(data.slice(pos + HEADER_BYTES, length));
    return (int) crc.getValue() == data.getInt(pos + 8)
        ? new Valid(pos + HEADER_BYTES, length)
        : new Invalid();
  }

  /** Whether a frame could start at {@code pos}; cheap, to find the next frame after damage. */
  static boolean mayStartAt(ByteBuffer data, int pos) {
    return data.limit() - pos >= HEADER_BYTES && headerMatches(data, pos);
  }

  private static boolean headerMatches(ByteBuffer data, int pos) {
    return data.get(pos) == MAGIC_0
        && data.get(pos + 1) == MAGIC_1
        && data.get(pos + 2) == VERSION
        && data.get(pos + 3) == 0;
  }

  private static boolean plausiblePrefix(ByteBuffer data, int pos) {
    byte[] magic = {MAGIC_0, MAGIC_1, VERSION, 0};
    for (int i = pos; i < data.limit() && i - pos < magic.length; i++) {
      if (data.get(i) != magic[i - pos]) {
        return false;
      }
    }
    return true;
  }
}
