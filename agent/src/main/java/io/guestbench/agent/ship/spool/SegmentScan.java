package io.guestbench.agent.ship.spool;

import com.google.protobuf.InvalidProtocolBufferException;
import io.guestbench.proto.v1.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a segment's bytes back into records, for recovery. A damaged record does not hide the good
 * ones after it: the scan resynchronizes on the next offset where a whole record checks out. What
 * cannot be read is reported as damage; a partial record at the very end is a torn tail.
 */
final class SegmentScan {
  /** A record whose header, CRC and payload all check out. */
  record Good(int offset, RecordFormat.Header header, int results) {}

  /** Bytes that are not a good record, with a bounded reason. */
  record Damage(int offset, int length, String reason) {}

  /**
   * @param validLength where the file should end: after the last good record or damaged span that
   *     is followed by good data
   * @param tornTail whether the bytes after {@code validLength} are an unfinished record
   */
  record Result(List<Good> good, List<Damage> damaged, int validLength, boolean tornTail) {}

  private record Attempt(Good good, boolean torn, String reason) {}

  private SegmentScan() {}

  static Result scan(byte[] bytes) {
    List<Good> good = new ArrayList<>();
    List<Damage> damaged = new ArrayList<>();
    int pos = 0;
    while (pos < bytes.length) {
      Attempt a = attempt(bytes, pos);
      if (a.good() != null) {
        good.add(a.good());
        pos += a.good().header().recordBytes();
        continue;
      }
      int next = findNext(bytes, pos + 1);
      if (next < 0) {
        boolean torn = a.torn() || zeros(bytes, pos);
        if (!torn) {
          damaged.add(new Damage(pos, bytes.length - pos, a.reason()));
        }
        return new Result(good, damaged, pos, torn);
      }
      damaged.add(new Damage(pos, next - pos, a.reason()));
      pos = next;
    }
    return new Result(good, damaged, pos, false);
  }

  private static Attempt attempt(byte[] bytes, int at) {
    if (bytes.length - at < RecordFormat.HEADER_BYTES) {
      return new Attempt(null, true, "bad_header");
    }
    RecordFormat.Header h = RecordFormat.header(bytes, at);
    if (h == null) {
      return new Attempt(null, false, "bad_header");
    }
    if ((long) at + h.recordBytes() > bytes.length) {
      return new Attempt(null, true, "bad_header");
    }
    if (!RecordFormat.intact(bytes, at, h)) {
      return new Attempt(null, false, "bad_checksum");
    }
    int results = results(bytes, at + RecordFormat.HEADER_BYTES, h.length());
    if (results < 0) {
      return new Attempt(null, false, "unparseable");
    }
    return new Attempt(new Good(at, h, results), false, null);
  }

  /** The next offset after {@code from} where a whole good record starts, or -1. */
  private static int findNext(byte[] bytes, int from) {
    for (int at = from; at + RecordFormat.HEADER_BYTES <= bytes.length; at++) {
      if (bytes[at] == 'G' && bytes[at + 1] == 'B' && attempt(bytes, at).good() != null) {
        return at;
      }
    }
    return -1;
  }

  private static int results(byte[] bytes, int at, int length) {
    try {
      return Batch.parseFrom(java.nio.ByteBuffer.wrap(bytes, at, length)).getResultsCount();
    } catch (InvalidProtocolBufferException e) {
      return -1;
    }
  }

  private static boolean zeros(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
