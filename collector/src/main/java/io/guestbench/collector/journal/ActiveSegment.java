package io.guestbench.collector.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The segment being appended to: each group is copied into one direct buffer and written. */
final class ActiveSegment {
  final long number;
  final Path path;
  private final FileChannel channel;
  private long bytes;
  private long newest;

  private ActiveSegment(long number, Path path, FileChannel channel) {
    this.number = number;
    this.path = path;
    this.channel = channel;
  }

  /** A new, empty segment; its directory entry is made durable when {@code syncer} forces. */
  static ActiveSegment create(Path dir, long number, boolean durable) throws IOException {
    Path path = SegmentFiles.path(dir, number);
    FileChannel ch =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    if (durable) {
      SegmentFiles.syncDirectory(dir);
    }
    return new ActiveSegment(number, path, ch);
  }

  long bytes() {
    return bytes;
  }

  /** Appends the frames; on failure the caller truncates back with {@link #abandon}. */
  void write(List<Append> appends, ByteBuffer staging) throws IOException {
    staging.clear();
    for (Append a : appends) {
      ByteBuffer frame = a.frame.duplicate();
      if (frame.remaining() > staging.remaining()) {
        drain(staging);
      }
      if (frame.remaining() > staging.capacity()) {
        writeFully(frame);
      } else {
        staging.put(frame);
      }
      newest = Math.max(newest, a.storedTimeUnixNano);
    }
    drain(staging);
    bytes = channel.position();
  }

  void force(Syncer syncer) throws IOException {
    syncer.force(channel);
  }

  /** After a failed write: cut back to the last forced size (best effort) and close. */
  SegmentInfo abandon(long goodBytes) {
    try {
      channel.truncate(goodBytes);
    } catch (IOException e) {
      // the next start cuts the damage off or skips it, counted
    }
    bytes = goodBytes;
    return close();
  }

  SegmentInfo close() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to lose: every acknowledged byte was forced before
    }
    return new SegmentInfo(number, path, bytes, newest);
  }

  private void drain(ByteBuffer staging) throws IOException {
    staging.flip();
    writeFully(staging);
    staging.clear();
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }
}
