package io.guestbench.agent.probe.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.ProbeRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The safety rules: nothing existing is touched without a flag, and nothing is left behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SafetyTest {
  @TempDir Path dir;

  @Test
  void anExistingFileIsRefusedWithoutTheFlagAndLeftAlone() throws Exception {
    Path file = Files.write(dir.resolve("data"), new byte[8192]);

    assertThat(
            refusal(
                new FakeFilesystem(),
                Spelling.PLAN,
                "filename",
                file.toString(),
                "rw",
                "randwrite",
                "size",
                "8k"))
        .isEqualTo(
            "filename: "
                + file
                + " already exists (expected: a new path, or"
                + " allow_existing: true to use it (its first 8.00 KiB are overwritten))");
    assertThat(
            refusal(
                new FakeFilesystem(), Spelling.FLAGS, "filename", file.toString(), "size", "8k"))
        .isEqualTo(
            "--filename: "
                + file
                + " already exists (expected: a new path, or"
                + " --allow-existing to use it)");
    assertThat(Files.readAllBytes(file)).containsOnly(0);
  }

  @Test
  void anExistingFileIsUsedAsItIsWithTheFlagAndKept() throws Exception {
    Path file = Files.write(dir.resolve("data"), filled(1 << 20));

    JobReport r =
        Jobs.completed(
            Jobs.run(
                Jobs.job(
                    dir, "filename", file.toString(), "allow_existing", "true", "size", "1m")));

    assertThat(r.target()).isEqualTo(TargetKind.FILE);
    assertThat(r.setup()).isEqualTo("used existing file " + file + " as it is (1.00 MiB)");
    assertThat(r.read().ops()).isPositive();
    assertThat(file).exists().hasSize(1 << 20);
  }

  @Test
  void anExistingFileMustBeLongEnoughFullyWrittenAndNotVerified() throws Exception {
    Path small = Files.write(dir.resolve("small"), filled(4096));
    assertThat(
            refusal(
                new FakeFilesystem(),
                Spelling.PLAN,
                "filename",
                small.toString(),
                "allow_existing",
                "true",
                "size",
                "8k"))
        .isEqualTo(
            "size: 8.00 KiB is more than "
                + small
                + " holds (4.00 KiB) (expected: at most"
                + " 4096 bytes)");

    Path sparse = dir.resolve("sparse");
    try (var ch =
        java.nio.channels.FileChannel.open(
            sparse,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(filled(4096)), (1 << 20) - 4096); // all hole but the end
    }
    assertThat(
            refusal(
                new FakeFilesystem(),
                Spelling.PLAN,
                "filename",
                sparse.toString(),
                "allow_existing",
                "true",
                "size",
                "1m"))
        .isEqualTo(
            "filename: "
                + sparse
                + " has a hole at offset 0 (expected: a fully written"
                + " file, since reads of holes never reach the disk)");

    assertThat(
            refusal(
                new FakeFilesystem(),
                Spelling.PLAN,
                "filename",
                small.toString(),
                "allow_existing",
                "true",
                "size",
                "4k",
                "verify",
                "crc32c"))
        .startsWith("verify: crc32c (expected: none on an existing file or device");
  }

  @Test
  void aBlockDeviceNeedsAllowExistingToReadAndAllowDestructiveToWrite() throws Exception {
    // A regular file posing as a device, so a bug here could never write to a real disk.
    Path device = Files.write(dir.resolve("xvdb"), filled(1 << 20));
    FakeFilesystem fs = new FakeFilesystem().kind(device, Filesystem.Kind.BLOCK_DEVICE);

    assertThat(refusal(fs, Spelling.FLAGS, "filename", device.toString(), "size", "1m"))
        .isEqualTo(
            "--filename: "
                + device
                + " is a block device (expected: --allow-existing to"
                + " read it)");
    assertThat(
            refusal(
                fs,
                Spelling.PLAN,
                "filename",
                device.toString(),
                "size",
                "1m",
                "rw",
                "randwrite",
                "allow_existing",
                "true"))
        .isEqualTo(
            "filename: "
                + device
                + " is a block device and rw randwrite writes to it"
                + " (expected: allow_destructive: true, which destroys its data)");
    JobOutcome read =
        Jobs.runner(fs)
            .run(
                Jobs.job(
                    dir, "filename", device.toString(), "size", "1m", "allow_existing", "true"),
                "t",
                Spelling.PLAN,
                ProbeRun.Progress.NONE);
    assertThat(Jobs.completed(read).target()).isEqualTo(TargetKind.DEVICE);
    assertThat(device).exists();
  }

  @Test
  void aRealBlockDeviceIsRefusedBeforeAnythingIsOpened() throws Exception {
    Path vda = Path.of("/dev/vda");
    org.assertj.core.api.Assumptions.assumeThat(
            Filesystem.HOST.kind(vda) == Filesystem.Kind.BLOCK_DEVICE)
        .isTrue();
    assertThat(refusal(Filesystem.HOST, Spelling.PLAN, "filename", "/dev/vda", "rw", "randread"))
        .startsWith("filename: /dev/vda is a block device (expected: allow_existing: true");
  }

  @Test
  void pathsThatAreNeitherFileNorDeviceNorUsableDirectoryAreRefused() throws Exception {
    FakeFilesystem fs = new FakeFilesystem();
    assertThat(refusal(fs, Spelling.PLAN, "filename", "/dev/null"))
        .isEqualTo("filename: /dev/null (expected: a regular file or a block device)");
    assertThat(refusal(fs, Spelling.PLAN, "filename", dir.toString()))
        .startsWith(
            "filename: "
                + dir
                + " is a directory (expected: a file or block device;"
                + " directory: "
                + dir
                + " makes a scratch file in it)");
    assertThat(refusal(fs, Spelling.FLAGS, "directory", dir.resolve("nope").toString()))
        .isEqualTo(
            "--directory: "
                + dir.resolve("nope")
                + " does not exist (expected: an"
                + " existing directory)");
    assertThat(refusal(fs, Spelling.PLAN, "filename", dir.resolve("nope/f").toString()))
        .isEqualTo(
            "filename: "
                + dir.resolve("nope")
                + " does not exist (expected: an existing"
                + " directory)");
  }

  @Test
  void aReadOnlyDirectoryIsRefused() throws Exception {
    assertThat(refusal(new FakeFilesystem().readOnly(), Spelling.FLAGS))
        .isEqualTo(
            "--directory: "
                + dir
                + " is not writable (read-only file system or no"
                + " permission) (expected: a writable directory)");
    try (ScratchMount ro = ScratchMount.of(dir, "ro", "tmpfs", "ro,size=1m")) {
      assertThat(refusal(Filesystem.HOST, Spelling.PLAN, "directory", ro.dir().toString()))
          .startsWith("directory: " + ro.dir() + " is not writable");
    }
  }

  @Test
  void tooLittleFreeSpaceIsRefusedBeforeCreatingAnything() throws Exception {
    assertThat(refusal(new FakeFilesystem().usable(100L << 20), Spelling.FLAGS, "size", "1g"))
        .isEqualTo(
            "--size: 1.00 GiB needs 1.07 GiB free in "
                + dir
                + ", which has 100 MiB"
                + " (expected: a smaller size or a directory with more room)");
    assertThat(Jobs.files(dir)).isEmpty();
  }

  @Test
  void aFileSystemWithoutDirectIoIsRefusedAndItsFileRemoved() throws Exception {
    try (ScratchMount ramfs = ScratchMount.of(dir, "ramfs", "ramfs", "size=8m")) {
      FakeFilesystem roomy = new FakeFilesystem().usable(1L << 30); // ramfs reports no space
      assertThat(refusal(roomy, Spelling.FLAGS, "directory", ramfs.dir().toString(), "direct", "1"))
          .isEqualTo(
              "--directory: "
                  + ramfs.dir()
                  + " is on ramfs, which does not support"
                  + " O_DIRECT (expected: a directory on a disk file system, or --direct 0 to measure"
                  + " through the page cache)");
      assertThat(Jobs.files(ramfs.dir())).isEmpty();
    }
  }

  @Test
  void aDiskThatFillsDuringLayoutIsRefusedAndTheFileRemoved() throws Exception {
    try (ScratchMount tiny = ScratchMount.of(dir, "tiny", "tmpfs", "size=1m")) {
      FakeFilesystem lying = new FakeFilesystem().usable(1L << 30);
      assertThat(
              refusal(
                  lying,
                  Spelling.PLAN,
                  "directory",
                  tiny.dir().toString(),
                  "size",
                  "4m",
                  "direct",
                  "0"))
          .startsWith(
              "size: 4.00 MiB did not fit in "
                  + tiny.dir()
                  + ": ENOSPC (no space left on device) after ")
          .endsWith("(expected: a smaller size or a directory with more room)");
      assertThat(Jobs.files(tiny.dir())).isEmpty();
    }
  }

  private String refusal(Filesystem fs, Spelling spelling, String... keyValues) throws Exception {
    JobOutcome outcome =
        Jobs.runner(fs).run(Jobs.job(dir, keyValues), "t-1", spelling, ProbeRun.Progress.NONE);
    assertThat(outcome).isInstanceOf(JobOutcome.Refused.class);
    return ((JobOutcome.Refused) outcome).message();
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) 0x5a);
    return b;
  }
}
