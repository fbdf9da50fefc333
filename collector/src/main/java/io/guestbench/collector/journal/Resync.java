package io.guestbench.collector.journal;

import java.nio.ByteBuffer;

/**
 * Where reading resumes after a damaged frame that starts at a frame boundary. In order of trust:
 *
 * <ol>
 *   <li>The header's magic, version and length still hold and a valid frame (or the end of the
 *       data) follows the payload: the damage is in the payload or the checksum; skip exactly this
 *       frame.
 *   <li>The payload's top-level protobuf fields can be walked from the header's end to a valid
 *       frame: the header is damaged but the payload is whole; skip to where the walk ends. The
 *       walk steps over each field's contents whole, so a frame an agent smuggled inside a result's
 *       bytes is never taken for a real one; and no real field starts with the magic ('G' is tag
 *       wire type 7, which does not exist), so the walk cannot stop early.
 *   <li>Otherwise (header and payload both damaged, for example a zeroed block across a frame
 *       start): the first valid frame found by scanning byte by byte. A frame embedded in the
 *       damaged frame's own payload could be taken for a real one here; its checksum must hold, so
 *       only bytes crafted to be a frame can be, and only when damage hits exactly their carrier.
 * </ol>
 */
final class Resync {
  private Resync() {}

  /** Where the next trusted frame starts after the damaged one at {@code pos}, or -1 if none. */
  static int after(ByteBuffer data, int pos) {
    int byLength = byLength(data, pos);
    if (byLength >= 0) {
      return byLength;
    }
    int byFields = byFields(data, pos + Frames.HEADER_BYTES);
    return byFields >= 0 ? byFields : byScan(data, pos + 1);
  }

  private static int byLength(ByteBuffer data, int pos) {
    if (!Frames.mayStartAt(data, pos)) {
      return -1;
    }
    long length = data.getInt(pos + 4);
    if (length < 1 || length > Frames.MAX_PAYLOAD_BYTES) {
      return -1;
    }
    long end = pos + Frames.HEADER_BYTES + length;
    return end < data.limit() && validAt(data, (int) end) ? (int) end : -1;
  }

  private static int byFields(ByteBuffer data, int from) {
    int p = from;
    while (p >= 0 && p < data.limit()) {
      if (p > from && validAt(data, p)) {
        return p;
      }
      p = skipField(data, p);
    }
    return -1;
  }

  /** The position after the protobuf field at {@code p}, or -1 when there is none. */
  private static int skipField(ByteBuffer data, int p) {
    long[] tag = varint(data, p);
    if (tag == null || tag[0] >>> 3 == 0) {
      return -1;
    }
    int q = (int) tag[1];
    return switch ((int) (tag[0] & 7)) {
      case 0 -> {
        long[] value = varint(data, q);
        yield value == null ? -1 : (int) value[1];
      }
      case 1 -> within(data, q + 8L);
      case 5 -> within(data, q + 4L);
      case 2 -> {
        long[] len = varint(data, q);
        yield len == null || len[0] < 0 ? -1 : within(data, len[1] + len[0]);
      }
      default -> -1; // groups (3, 4) are not used; 6 and 7 do not exist
    };
  }

  private static int within(ByteBuffer data, long end) {
    return end >= 0 && end <= data.limit() ? (int) end : -1;
  }

  /** {value, position after it}, or null when it is not a varint of at most 10 bytes. */
  private static long[] varint(ByteBuffer data, int p) {
    long value = 0;
    for (int i = 0; i < 10 && p + i < data.limit(); i++) {
      byte b = data.get(p + i);
      value |= (long) (b & 0x7f) << (7 * i);
      if (b >= 0) {
        return new long[] {value, p + i + 1};
      }
    }
    return null;
  }

  private static int byScan(ByteBuffer data, int from) {
    for (int p = from; p <= data.limit() - Frames.HEADER_BYTES; p++) {
      if (validAt(data, p)) {
        return p;
      }
    }
    return -1;
  }

  private static boolean validAt(ByteBuffer data, int p) {
    return Frames.mayStartAt(data, p) && Frames.probe(data, p) instanceof Frames.Valid;
  }
}
