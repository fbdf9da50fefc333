package io.guestbench.agent.probe.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.disk.linux.Arch;
import io.guestbench.agent.probe.disk.linux.Posix;
import io.guestbench.testing.ManualClock;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout writes every block with its header, and verify catches a block that is wrong. */
class LayoutAndVerifyTest {
  @TempDir Path dir;

  @Test
  void everyBlockIsWrittenStampedAndNeverZero() throws Exception {
    DiskJob job = Jobs.job(dir, "size", "3m", "bs", "8k", "seed", "7");
    List<String> progress = new ArrayList<>();
    Path file = dir.resolve("laid");
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      int fd = posix.open(file, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, 0600);
      DiskFile disk = new DiskFile(posix, file, fd, TargetKind.FILE); // FILE: keep it to look at
      Setup done =
          new Layout(posix, new ManualClock(0), Spelling.PLAN).write(disk, job, progress::add);
      assertThat(done).isInstanceOf(Setup.Ready.class);
      assertThat(((Setup.Ready) done).note())
          .startsWith("created " + file + " and laid out 3.00 MiB in ");
      disk.close();
    }
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).hasSize(3 << 20);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    for (int offset = 0; offset < bytes.length; offset += 8192) {
      assertThat(b.getLong(offset)).isEqualTo(BlockStamp.MAGIC);
      assertThat(b.getLong(offset + 8)).isEqualTo(offset);
      assertThat(b.getLong(offset + 16)).isEqualTo(7);
      assertThat(b.getLong(offset + 8000)).as("payload at %d", offset).isNotZero();
    }
  }

  @Test
  void theStampCatchesCorruptMisplacedAndForeignBlocks() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment block = arena.allocate(4096, 4096);
      BlockStamp.fillRandom(block, 3);
      BlockStamp stamp = new BlockStamp(11);
      stamp.stamp(block, 40960);

      assertThat(stamp.check(block, 40960)).isEmpty();
      assertThat(stamp.check(block, 0))
          .contains("header says offset 40960: misdirected or stale block");
      assertThat(new BlockStamp(12).check(block, 40960))
          .contains("header has another seed: written by another run");
      block.set(
          java.lang.foreign.ValueLayout.JAVA_BYTE,
          2000,
          (byte) ~block.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2000));
      assertThat(stamp.check(block, 40960).orElseThrow()).endsWith("corrupt or torn block");
      block.fill((byte) 0);
      assertThat(stamp.check(block, 40960))
          .contains("no verify header (not written by this job's layout)");
    }
  }

  @Test
  void aVerifiedReadOfABadBlockStopsTheJobWithAnError() throws Exception {
    // Lay out a file with one seed, then read it with verify under another: every block is foreign.
    Path file = dir.resolve("data");
    DiskJob layout = Jobs.job(dir, "filename", file.toString(), "size", "1m", "seed", "1");
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      int fd = posix.open(file, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, 0600);
      DiskFile disk = new DiskFile(posix, file, fd, TargetKind.FILE);
      new Layout(posix, new ManualClock(0), Spelling.PLAN).write(disk, layout, line -> {});
      disk.close();
    }
    Arch arch = Arch.current().orElseThrow();
    DiskJob verify = Jobs.job(dir, "size", "1m", "seed", "2", "verify", "crc32c");
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      int fd = posix.open(file, Posix.O_RDONLY, 0);
      Measurement m = new JobThreads(verify, Jobs.steal(), ProbeRun.Progress.NONE).run(arch, fd);
      posix.close(fd);
      assertThat(m.errors().count()).isEqualTo(1);
      assertThat(m.errors().first())
          .startsWith("verify: block at offset ")
          .endsWith("header has another seed: written by another run");
      assertThat(m.total().read.ops()).isZero();
    }
  }
}
