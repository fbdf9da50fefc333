package io.guestbench.agent.probe.disk;

import io.guestbench.agent.probe.disk.linux.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The open file or device a job works on. Closing it closes the descriptor and, when the job
 * created the file, removes it: that is what keeps a failed or interrupted run from leaving
 * gigabytes behind.
 */
final class DiskFile implements AutoCloseable {
  private final Posix posix;
  private final Path path;
  private final int fd;
  private final TargetKind kind;
  private boolean closed;
  private String cleanupProblem = "";

  DiskFile(Posix posix, Path path, int fd, TargetKind kind) {
    this.posix = Objects.requireNonNull(posix, "posix");
    this.path = Objects.requireNonNull(path, "path");
    this.fd = fd;
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  Path path() {
    return path;
  }

  int fd() {
    return fd;
  }

  TargetKind kind() {
    return kind;
  }

  /** Whether the job created the file, and so lays it out and removes it. */
  boolean owned() {
    return kind == TargetKind.SCRATCH;
  }

  /** Why the file could not be removed, or empty; only known after {@link #close()}. */
  String cleanupProblem() {
    return cleanupProblem;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    posix.close(fd); // an error here cannot lose data we care about: the file is scratch or as-is
    if (owned()) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        cleanupProblem = "could not remove " + path + ": " + e.getMessage();
      }
    }
  }
}
