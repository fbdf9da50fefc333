package io.guestbench.collector.journal;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Logger;

/**
 * The segment being appended to: each group is framed or copied into one direct buffer and written.
 *
 * <p>When every group is forced, the segment is written with {@code O_DIRECT} where the file system
 * allows it: the device reads the bytes straight from the staging buffer, instead of the kernel
 * copying them into the page cache first (on the 2-vCPU VM of bench/RESULTS.md that copy was two
 * thirds of the writer thread's CPU). Such writes go in whole {@link #BLOCK}s: each group rewrites
 * the last, partial block with the same bytes in front (a write torn at any sector still holds
 * them) and pads the end with zeros, which the next group overwrites and {@link #close} cuts off.
 * Readers take fewer than {@link #BLOCK} zeros at a segment's end for padding.
 */
final class ActiveSegment {
  private static final Logger log = Logger.getLogger(ActiveSegment.class.getName());

  /** O_DIRECT writes are whole blocks of this many bytes, from a buffer aligned to it. */
  static final int BLOCK = 4096;

  private static volatile boolean bufferedLogged;

  final long number;
  final Path path;
  private final FileChannel channel;
  private final boolean direct;
  private final byte[] tail; // direct: the bytes of the last, partial block
  private long bytes;
  private long newest;

  private ActiveSegment(long number, Path path, FileChannel channel, boolean direct) {
    this.number = number;
    this.path = path;
    this.channel = channel;
    this.direct = direct;
    this.tail = direct ? new byte[BLOCK] : null;
  }

  /**
   * A new, empty segment; its directory entry is made durable when {@code syncer} forces. {@code
   * tryDirect}: every group will be forced, and O_DIRECT is wanted where the file system takes it.
   */
  static ActiveSegment create(Path dir, long number, boolean durable, boolean tryDirect)
      throws IOException {
    Path path = SegmentFiles.path(dir, number);
    FileChannel ch = tryDirect ? openDirect(path) : null;
    boolean direct = ch != null;
    if (ch == null) {
      ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    if (durable) {
      SegmentFiles.syncDirectory(dir);
    }
    return new ActiveSegment(number, path, ch, direct);
  }

  /** The staging buffer {@link #write} needs: direct, aligned to {@link #BLOCK}, whole blocks. */
  static ByteBuffer staging(int capacity) {
    return ByteBuffer.allocateDirect(capacity + BLOCK).alignedSlice(BLOCK).limit(capacity);
  }

  /** The channel with O_DIRECT, or null (and no file) where the file system refuses it. */
  private static FileChannel openDirect(Path path) throws IOException {
    long block;
    try {
      block = Files.getFileStore(path.getParent()).getBlockSize();
    } catch (UnsupportedOperationException | IOException e) {
      block = -1;
    }
    if (block > 0 && block <= BLOCK && BLOCK % block == 0) {
      FileChannel ch = null;
      try {
        ch =
            FileChannel.open(
                path,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                ExtendedOpenOption.DIRECT);
      } catch (FileAlreadyExistsException e) {
        throw e; // never ours to remove
      } catch (UnsupportedOperationException | IOException e) {
        // tmpfs on older kernels, some network file systems: buffered writes then
      }
      if (ch != null && writesDirect(ch)) {
        return ch;
      }
      Files.deleteIfExists(path); // created above, then the open or a write was refused
    }
    if (!bufferedLogged) {
      bufferedLogged = true;
      log.info("journal: " + path.getParent() + " does not take O_DIRECT; buffered writes");
    }
    return null;
  }

  /**
   * Whether a block written through {@code ch} goes through: some file systems open with O_DIRECT
   * and refuse the writes. Closes {@code ch} when not; leaves the file empty either way.
   */
  private static boolean writesDirect(FileChannel ch) throws IOException {
    try {
      ByteBuffer block = staging(BLOCK);
      while (block.hasRemaining()) {
        ch.write(block, block.position());
      }
      ch.truncate(0);
      return true;
    } catch (IOException e) {
      ch.close();
      return false;
    }
  }

  long bytes() {
    return bytes;
  }

  /** Whether the segment is written with O_DIRECT. */
  boolean direct() {
    return direct;
  }

  /** Appends the frames; on failure the caller truncates back with {@link #abandon}. */
  void write(List<Append> appends, ByteBuffer staging) throws IOException {
    if (direct) {
      writeDirect(appends, staging);
      return;
    }
    staging.clear();
    for (Append a : appends) {
      if (a.bytes() > staging.remaining()) {
        drain(staging);
      }
      if (a.bytes() > staging.capacity()) {
        writeFully(a.frame());
      } else if (a.framesInPlace()) {
        a.frameInto(staging);
      } else {
        staging.put(a.frame());
      }
      newest = Math.max(newest, a.storedTimeUnixNano);
    }
    drain(staging);
    bytes = channel.position();
  }

  private void writeDirect(List<Append> appends, ByteBuffer staging) throws IOException {
    int capacity = staging.capacity() - staging.capacity() % BLOCK;
    staging.clear().limit(capacity);
    int tailLength = (int) (bytes % BLOCK);
    staging.put(tail, 0, tailLength);
    long at = bytes - tailLength;
    long end = bytes;
    for (Append a : appends) {
      end += a.bytes();
      if (a.framesInPlace() && a.bytes() <= staging.remaining()) {
        a.frameInto(staging);
        if (!staging.hasRemaining()) {
          at = writeAt(staging, at, capacity);
        }
      } else {
        at = copyInPieces(a.frame(), staging, at, capacity);
      }
      newest = Math.max(newest, a.storedTimeUnixNano);
    }
    int filled = staging.position();
    int partial = filled % BLOCK;
    staging.get(filled - partial, tail, 0, partial);
    if (filled > 0) {
      int padded = filled - partial + (partial == 0 ? 0 : BLOCK);
      for (int i = filled; i < padded; i++) {
        staging.put(i, (byte) 0);
      }
      staging.position(padded);
      writeAt(staging, at, capacity);
    }
    bytes = end;
  }

  /** Copies a frame that runs past the buffer's end, writing it each time it fills; as writeAt. */
  private long copyInPieces(ByteBuffer frame, ByteBuffer staging, long at, int capacity)
      throws IOException {
    while (frame.hasRemaining()) {
      int n = Math.min(frame.remaining(), staging.remaining());
      staging.put(staging.position(), frame, frame.position(), n);
      staging.position(staging.position() + n);
      frame.position(frame.position() + n);
      if (!staging.hasRemaining()) {
        at = writeAt(staging, at, capacity);
      }
    }
    return at;
  }

  /** Writes {@code staging}'s content at {@code at}; returns where the next write starts. */
  private long writeAt(ByteBuffer staging, long at, int capacity) throws IOException {
    staging.flip();
    while (staging.hasRemaining()) {
      at += channel.write(staging, at);
    }
    staging.clear().limit(capacity);
    return at;
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
      if (direct) {
        channel.truncate(bytes); // the padding; if a crash keeps it, readers skip it
      }
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
