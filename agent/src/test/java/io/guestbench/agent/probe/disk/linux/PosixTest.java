package io.guestbench.agent.probe.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.disk.ScratchMount;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixTest {
  @TempDir Path dir;

  @Test
  void readsWritesSeeksAndFlushesAFile() {
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      Path file = dir.resolve("f");
      int fd = posix.open(file, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, 0600);
      assertThat(fd).isPositive();
      MemorySegment block = arena.allocate(4096, 4096);
      block.fill((byte) 7);

      assertThat(posix.pwrite(fd, block, 4096, 8192)).isEqualTo(4096);
      assertThat(posix.fdatasync(fd)).isZero();
      assertThat(posix.fsync(fd)).isZero();
      assertThat(posix.lseek(fd, 0, Posix.SEEK_END)).isEqualTo(12288);
      assertThat(posix.lseek(fd, 0, Posix.SEEK_HOLE)).as("the unwritten start is a hole").isZero();
      MemorySegment back = arena.allocate(4096, 4096);
      assertThat(posix.pread(fd, back, 4096, 8192)).isEqualTo(4096);
      assertThat(back.get(ValueLayout.JAVA_BYTE, 4095)).isEqualTo((byte) 7);
      assertThat(posix.pread(fd, back, 4096, 12288)).as("at the end").isZero();
      assertThat(posix.fadvise(fd, 0, 0, Posix.POSIX_FADV_DONTNEED)).isZero();
      assertThat(posix.close(fd)).isZero();
      assertThat(posix.close(fd)).isEqualTo(-Errno.EBADF);
    }
  }

  @Test
  void failuresAreNegativeErrnoValues() {
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      assertThat(posix.open(dir.resolve("missing/f"), Posix.O_RDONLY, 0)).isEqualTo(-Errno.ENOENT);
      Path file = dir.resolve("f");
      int fd = posix.open(file, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, 0600);
      assertThat(posix.open(file, Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL, 0600))
          .isEqualTo(-Errno.EEXIST);
      assertThat(posix.pread(-1, arena.allocate(512), 512, 0)).isEqualTo(-Errno.EBADF);
      posix.close(fd);
    }
  }

  @Test
  void directIoWhereTheFileSystemHasNoneIsEinvalAfterCreatingTheFile() throws Exception {
    // ramfs has no O_DIRECT (tmpfs has had it since Linux 6.6, so it cannot show this any more).
    try (ScratchMount ramfs = ScratchMount.of(dir, "ramfs", "ramfs", "size=1m");
        Arena arena = Arena.ofConfined()) {
      Path file = ramfs.dir().resolve("f");
      int flags =
          Posix.O_RDWR | Posix.O_CREAT | Posix.O_EXCL | Arch.current().orElseThrow().oDirect();
      assertThat(new Posix(arena).open(file, flags, 0600)).isEqualTo(-Errno.EINVAL);
      assertThat(file).as("created before the refusal, so the caller must remove it").exists();
      Files.delete(file);
    }
  }

  @Test
  void errnoNamesAndArchitectures() {
    assertThat(Errno.describe(Errno.ENOSPC)).isEqualTo("ENOSPC (no space left on device)");
    assertThat(Errno.name(Errno.EROFS)).isEqualTo("EROFS");
    assertThat(Errno.describe(4095)).isEqualTo("errno 4095");
    assertThat(Arch.of("amd64")).contains(Arch.X86_64);
    assertThat(Arch.of("aarch64")).contains(Arch.AARCH64);
    assertThat(Arch.of("riscv64")).isEmpty();
    assertThat(Arch.X86_64.oDirect()).isEqualTo(040000);
    assertThat(Arch.AARCH64.oDirect()).isEqualTo(0200000);
    assertThat(Arch.X86_64.ioSubmit()).isEqualTo(209);
    assertThat(Arch.AARCH64.ioGetevents()).isEqualTo(4);
  }
}
