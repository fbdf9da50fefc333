package io.guestbench.agent.ship.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real files with faults on demand: a full disk (every write, create or fsync fails with ENOSPC's
 * message), fsyncs that return without making anything durable, and a crash that throws away what
 * was written but never made durable. Durability is tracked per file as the length last fsynced and
 * the bytes written in place below it, which is what the spool relies on.
 */
final class FaultyStorage implements Storage {
  private final Storage disk = Storage.disk();
  private final Map<Path, Durable> durable = new HashMap<>();
  private final List<Closeable> locks = new ArrayList<>();
  volatile boolean full;
  volatile boolean loseFsyncs;
  int fsyncs;

  /** What survives a crash of one file: its length and content at the last real fsync. */
  private static final class Durable {
    long length;
    byte[] content = new byte[0];
  }

  /**
   * Simulates power loss: every file written through this storage goes back to its last fsynced
   * state, except that {@code keepUnsynced} bytes of the unsynced tail of {@code tornFile} survive
   * (a torn write).
   */
  void crash(Path tornFile, long keepUnsynced) throws IOException {
    for (Map.Entry<Path, Durable> e : durable.entrySet()) {
      Path p = e.getKey();
      Optional<byte[]> now = disk.read(p);
      if (now.isEmpty()) {
        continue;
      }
      Durable d = e.getValue();
      long keep = d.length;
      if (p.equals(tornFile)) {
        keep = Math.min(now.get().length, d.length + keepUnsynced);
      }
      byte[] after = new byte[(int) keep];
      System.arraycopy(now.get(), 0, after, 0, (int) Math.min(keep, now.get().length));
      System.arraycopy(d.content, 0, after, 0, (int) Math.min(d.content.length, keep));
      try (SpoolFile f = disk.open(p)) {
        f.truncate(0);
        f.write(ByteBuffer.wrap(after), 0);
      }
      d.length = keep;
      d.content = after;
    }
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    disk.createDirectories(dir);
  }

  @Override
  public Closeable lock(Path file) throws IOException {
    Closeable lock = disk.lock(file);
    locks.add(lock);
    return lock;
  }

  /** What a killed process leaves behind: its locks go, its files stay as they are. */
  void releaseLocks() throws IOException {
    for (Closeable lock : locks) {
      lock.close();
    }
    locks.clear();
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    return disk.list(dir);
  }

  @Override
  public SpoolFile open(Path file) throws IOException {
    boolean exists = disk.read(file).isPresent();
    if (full && !exists) {
      throw noSpace();
    }
    SpoolFile f = disk.open(file);
    durable.computeIfAbsent(file, p -> new Durable());
    if (exists && durable.get(file).length == 0) {
      track(file, f);
    }
    return new Faulty(file, f);
  }

  @Override
  public void delete(Path file) throws IOException {
    disk.delete(file);
    durable.remove(file);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    if (full) {
      throw noSpace();
    }
    disk.syncDirectory(dir);
  }

  @Override
  public void replace(Path file, byte[] bytes) throws IOException {
    if (full) {
      throw noSpace();
    }
    disk.replace(file, bytes);
  }

  @Override
  public Optional<byte[]> read(Path file) throws IOException {
    return disk.read(file);
  }

  private void track(Path file, SpoolFile f) throws IOException {
    Durable d = durable.get(file);
    ByteBuffer b = ByteBuffer.allocate((int) f.size());
    f.read(b, 0);
    d.content = b.array();
    d.length = d.content.length;
  }

  private static IOException noSpace() {
    return new IOException("No space left on device");
  }

  private final class Faulty implements SpoolFile {
    private final Path path;
    private final SpoolFile file;

    Faulty(Path path, SpoolFile file) {
      this.path = path;
      this.file = file;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      if (full) {
        // a full disk takes part of a write before it refuses the rest
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + part.remaining() / 2);
        file.write(part, position);
        throw noSpace();
      }
      file.write(src, position);
    }

    @Override
    public void read(ByteBuffer dst, long position) throws IOException {
      file.read(dst, position);
    }

    @Override
    public void force() throws IOException {
      if (full) {
        throw noSpace();
      }
      file.force();
      fsyncs++;
      if (!loseFsyncs) {
        track(path, file);
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      file.truncate(size);
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
