package io.guestbench.agent.probe.disk;

import java.nio.file.Path;
import java.util.Objects;

/** Where a job does its I/O. */
public sealed interface Target {

  /**
   * A scratch file the job creates in a directory, lays out and removes afterwards; the safe
   * default.
   */
  record Scratch(Path directory) implements Target {
    public Scratch {
      Objects.requireNonNull(directory, "directory");
    }
  }

  /**
   * A path the user named: created, laid out and removed like a scratch file if it does not exist;
   * used as it is (with the explicit flags) if it is an existing file or a block device.
   */
  record Named(Path path) implements Target {
    public Named {
      Objects.requireNonNull(path, "path");
    }
  }
}
