package io.guestbench.agent.ship.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One spool record: a 40-byte header, then a serialized {@code Batch}. Header, big-endian: magic
 * "GBSR", version (2), flags (2, zero), payload length (4), epoch (8), seq (8), created time in
 * Unix nanoseconds (8), CRC32C over the header's first 36 bytes and the payload (4). Each record
 * carries its epoch so the directory stays readable even when the state file is lost.
 */
final class RecordFormat {
  static final int MAGIC = 0x47425352;
  static final short VERSION = 1;
  static final int HEADER_BYTES = 40;
  static final int MAX_PAYLOAD = 64 << 20;
  private static final int CRC_AT = 36;

  private RecordFormat() {}

  /** The fields of a header that passed its structural checks (the CRC is checked separately). */
  record Header(int length, long epoch, long seq, long createdNanos, int crc) {
    int recordBytes() {
      return HEADER_BYTES + length;
    }
  }

  static ByteBuffer encode(long epoch, long seq, long createdNanos, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    b.putInt(MAGIC).putShort(VERSION).putShort((short) 0).putInt(payload.length);
    b.putLong(epoch).putLong(seq).putLong(createdNanos);
    b.putInt(crc(b.array(), 0, payload, 0, payload.length));
    b.put(payload);
    return b.flip();
  }

  /** Parses the header at {@code at} in {@code bytes}, or null when it is not a valid header. */
  static Header header(byte[] bytes, int at) {
    ByteBuffer b = ByteBuffer.wrap(bytes, at, HEADER_BYTES);
    if (b.getInt() != MAGIC || b.getShort() != VERSION || b.getShort() != 0) {
      return null;
    }
    int length = b.getInt();
    if (length < 0 || length > MAX_PAYLOAD) {
      return null;
    }
    return new Header(length, b.getLong(), b.getLong(), b.getLong(), b.getInt());
  }

  /** Whether the header at {@code at} and the payload that follows it match the header's CRC. */
  static boolean intact(byte[] bytes, int at, Header h) {
    return crc(bytes, at, bytes, at + HEADER_BYTES, h.length()) == h.crc();
  }

  static int crc(byte[] header, int headerAt, byte[] payload, int payloadAt, int length) {
    CRC32C crc = new CRC32C();
    crc.update(header, headerAt, CRC_AT);
    crc.update(payload, payloadAt, length);
    return (int) crc.getValue();
  }
}
