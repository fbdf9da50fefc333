package io.guestbench.agent.probe.disk;

import static io.guestbench.agent.probe.disk.DiskParams.ALLOW_DESTRUCTIVE;
import static io.guestbench.agent.probe.disk.DiskParams.ALLOW_EXISTING;
import static io.guestbench.agent.probe.disk.DiskParams.DIRECTORY;
import static io.guestbench.agent.probe.disk.DiskParams.FILENAME;
import static io.guestbench.agent.probe.disk.DiskParams.VERIFY;

import io.guestbench.agent.probe.disk.Filesystem.Kind;
import io.guestbench.agent.probe.disk.linux.Arch;
import io.guestbench.agent.probe.disk.linux.Posix;
import java.nio.file.Path;

/**
 * The safety rules, applied before a byte is written: a job works in its own new file unless told
 * explicitly to use an existing file or a device, never writes to a device without {@code
 * allow_destructive}, and never starts without room for its file.
 */
final class Preflight {
  private final Filesystem fs;
  private final Posix posix;
  private final Arch arch;
  private final Spelling s;
  private final Messages say;

  Preflight(Filesystem fs, Posix posix, Arch arch, Spelling spelling) {
    this.fs = fs;
    this.posix = posix;
    this.arch = arch;
    this.s = spelling;
    this.say = new Messages(fs, spelling);
  }

  /** The scratch file's name: the run id, made safe as one path component. */
  static String scratchName(String runId) {
    String safe = runId.replaceAll("[^A-Za-z0-9._-]", "_");
    return "guestbench-disk-" + (safe.length() > 64 ? safe.substring(0, 64) : safe) + ".dat";
  }

  Setup open(DiskJob job, String runId) {
    return switch (job.target()) {
      case Target.Scratch scratch ->
          create(
              job, scratch.directory(), DIRECTORY, scratch.directory().resolve(scratchName(runId)));
      case Target.Named named -> named(job, named.path());
    };
  }

  private Setup named(DiskJob job, Path path) {
    return switch (fs.kind(path)) {
      case MISSING -> create(job, parentOf(path), FILENAME, path);
      case DIRECTORY ->
          refuse(
              FILENAME,
              path + " is a directory",
              "a file or block device; "
                  + s.set(DIRECTORY, path.toString())
                  + " makes a scratch"
                  + " file in it");
      case OTHER -> refuse(FILENAME, path.toString(), "a regular file or a block device");
      case REGULAR -> existing(job, path, TargetKind.FILE);
      case BLOCK_DEVICE -> existing(job, path, TargetKind.DEVICE);
    };
  }

  private Setup create(DiskJob job, Path dir, String key, Path file) {
    Kind kind = fs.kind(dir);
    if (kind != Kind.DIRECTORY) {
      return refuse(
          key,
          dir + (kind == Kind.MISSING ? " does not exist" : " is not a directory"),
          "an existing directory");
    }
    if (!fs.writable(dir)) {
      return say.notWritable(key, dir);
    }
    Setup space = say.spaceFor(job, dir);
    if (space != null) {
      return space;
    }
    int flags = Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL | Posix.O_CLOEXEC | direct(job);
    int fd = posix.open(file, flags, 0600);
    if (fd < 0) {
      // O_EXCL made any file at this path ours, and a failed O_DIRECT open leaves it created.
      Messages.removeQuietly(file, -fd);
      return say.openFailed(key, dir, file, -fd, job.direct());
    }
    return new Setup.Ready(new DiskFile(posix, file, fd, TargetKind.SCRATCH), "created " + file);
  }

  private Setup existing(DiskJob job, Path path, TargetKind kind) {
    boolean device = kind == TargetKind.DEVICE;
    if (device && !job.allowExisting() && !job.allowDestructive()) {
      return refuse(
          FILENAME, path + " is a block device", s.set(ALLOW_EXISTING, "true") + " to read it");
    }
    if (device && job.rw().writes() && !job.allowDestructive()) {
      return refuse(
          FILENAME,
          path + " is a block device and rw " + job.rw().label() + " writes to it",
          s.set(ALLOW_DESTRUCTIVE, "true") + ", which destroys its data");
    }
    if (!device && !job.allowExisting()) {
      return refuse(
          FILENAME,
          path + " already exists",
          "a new path, or "
              + s.set(ALLOW_EXISTING, "true")
              + " to use it"
              + (job.rw().writes()
                  ? " (its first " + Human.bytes(job.size()) + " are overwritten)"
                  : ""));
    }
    if (job.verify() != Verify.NONE) {
      return refuse(
          VERIFY,
          job.verify().label(),
          "none on an existing file or device, whose blocks the agent did not write");
    }
    int mode = job.rw().writes() ? Posix.O_RDWR : Posix.O_RDONLY;
    int fd = posix.open(path, mode | Posix.O_CLOEXEC | direct(job), 0);
    if (fd < 0) {
      return say.openFailed(FILENAME, parentOf(path), path, -fd, job.direct());
    }
    DiskFile file = new DiskFile(posix, path, fd, kind);
    Setup checked = say.checkExisting(posix, file, job);
    if (!(checked instanceof Setup.Ready)) {
      file.close();
    }
    return checked;
  }

  private int direct(DiskJob job) {
    return job.direct() ? arch.oDirect() : 0;
  }

  private Setup refuse(String key, String what, String expected) {
    return new Setup.Refused(s.key(key) + ": " + what + " (expected: " + expected + ")");
  }

  private static Path parentOf(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? path.toAbsolutePath() : parent;
  }
}
