package io.guestbench.agent.probe.disk;

import static io.guestbench.agent.probe.disk.DiskParams.DIRECT;
import static io.guestbench.agent.probe.disk.DiskParams.FILENAME;
import static io.guestbench.agent.probe.disk.DiskParams.SIZE;

import io.guestbench.agent.probe.disk.linux.Errno;
import io.guestbench.agent.probe.disk.linux.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The preflight's one-line answers, each naming the parameter to change and what it should be. */
final class Messages {
  private final Filesystem fs;
  private final Spelling s;

  Messages(Filesystem fs, Spelling spelling) {
    this.fs = fs;
    this.s = spelling;
  }

  Setup notWritable(String key, Path dir) {
    return refused(
        key,
        dir + " is not writable (read-only file system or no permission)",
        "a writable directory");
  }

  /** A refusal when the file system lacks room for the file and a margin, else null. */
  Setup spaceFor(DiskJob job, Path dir) {
    long free;
    try {
      free = fs.usableBytes(dir);
    } catch (IOException e) {
      return new Setup.Failed("cannot read the free space of " + dir + ": " + e.getMessage());
    }
    long needed = DiskLimits.spaceNeeded(job.size());
    if (free >= needed) {
      return null;
    }
    return refused(
        SIZE,
        Human.bytes(job.size())
            + " needs "
            + Human.bytes(needed)
            + " free in "
            + dir
            + ", which has "
            + Human.bytes(free),
        "a smaller size or a directory with more room");
  }

  Setup openFailed(String key, Path dir, Path file, int errno, boolean direct) {
    if (errno == Errno.EINVAL && direct) {
      String type = fs.type(dir);
      return refused(
          key,
          dir + (type.isEmpty() ? "" : " is on " + type + ", which") + " does not support O_DIRECT",
          "a directory on a disk file system, or "
              + s.set(DIRECT, "0")
              + " to measure through the page cache");
    }
    if (errno == Errno.EROFS || errno == Errno.EACCES || errno == Errno.EPERM) {
      return refused(key, file + ": " + Errno.describe(errno), "a writable path");
    }
    if (errno == Errno.ENOSPC || errno == Errno.EDQUOT) {
      return refused(key, file + ": " + Errno.describe(errno), "a directory with free space");
    }
    if (errno == Errno.EEXIST) {
      return refused(key, file + " appeared while the job started", "a path nothing else uses");
    }
    return new Setup.Failed("open " + file + ": " + Errno.describe(errno));
  }

  /** Checks an existing file or device is long enough and, if a file, fully written. */
  Setup checkExisting(Posix posix, DiskFile file, DiskJob job) {
    long length = posix.lseek(file.fd(), 0, Posix.SEEK_END);
    if (length < 0) {
      return new Setup.Failed("size of " + file.path() + ": " + Errno.describe((int) -length));
    }
    if (length < job.size()) {
      return refused(
          SIZE,
          Human.bytes(job.size())
              + " is more than "
              + file.path()
              + " holds ("
              + Human.bytes(length)
              + ")",
          "at most " + length + " bytes");
    }
    if (file.kind() == TargetKind.FILE) {
      long hole = posix.lseek(file.fd(), 0, Posix.SEEK_HOLE);
      if (hole >= 0 && hole < job.size()) {
        return refused(
            FILENAME,
            file.path() + " has a hole at offset " + hole,
            "a fully written file, since reads of holes never reach the disk");
      }
    }
    String what = file.kind() == TargetKind.DEVICE ? "block device " : "existing file ";
    return new Setup.Ready(
        file, "used " + what + file.path() + " as it is (" + Human.bytes(length) + ")");
  }

  /** Removes a file the job created; a failure here is reported by the open error already. */
  static void removeQuietly(Path file, int errno) {
    if (errno == Errno.EEXIST) {
      return; // not ours: O_EXCL refused because it was already there
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // nothing more to do; the caller reports the open failure
    }
  }

  private Setup refused(String key, String what, String expected) {
    return new Setup.Refused(s.key(key) + ": " + what + " (expected: " + expected + ")");
  }
}
