package io.guestbench.agent.probe.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The host's file systems, except for what a test says: a path's kind, writability, free space. */
final class FakeFilesystem implements Filesystem {
  private final Map<Path, Kind> kinds = new HashMap<>();
  private boolean writable = true;
  private long usable = -1;

  FakeFilesystem kind(Path path, Kind kind) {
    kinds.put(path, kind);
    return this;
  }

  FakeFilesystem readOnly() {
    writable = false;
    return this;
  }

  FakeFilesystem usable(long bytes) {
    usable = bytes;
    return this;
  }

  @Override
  public Kind kind(Path path) {
    return kinds.getOrDefault(path, HOST.kind(path));
  }

  @Override
  public boolean writable(Path directory) {
    return writable && HOST.writable(directory);
  }

  @Override
  public long usableBytes(Path directory) throws IOException {
    return usable >= 0 ? usable : HOST.usableBytes(directory);
  }

  @Override
  public String type(Path path) {
    return HOST.type(path);
  }
}
