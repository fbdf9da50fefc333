package io.guestbench.agent.ship.spool;

import java.nio.file.Path;

/**
 * One segment file, named by the first seq written to it. It is appended to only while it is the
 * active segment of this process; {@code live} counts its records that are still held.
 */
final class Segment {
  static final String SUFFIX = ".seg";

  final Path path;
  final long firstSeq;
  final SpoolFile file;
  long size;
  int live;

  Segment(Path path, long firstSeq, SpoolFile file, long size) {
    this.path = path;
    this.firstSeq = firstSeq;
    this.file = file;
    this.size = size;
  }

  static String name(long firstSeq) {
    return String.format("%020d%s", firstSeq, SUFFIX);
  }

  /** The first seq encoded in a segment's file name, or -1 when it is not a segment's name. */
  static long firstSeq(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
