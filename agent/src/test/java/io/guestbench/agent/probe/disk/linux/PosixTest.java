package io.guestbench.agent.probe.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.disk.ScratchMount;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
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
  void mapsUntouchedPageAlignedMemoryAndUnmapsItWithItsArena() throws Exception {
    long length = 1 << 20;
    long address;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = new Posix(arena).mapAnonymous(length, arena);
      address = buffer.address();
      assertThat(buffer.byteSize()).isEqualTo(length);
      assertThat(address % 4096).as("page-aligned").isZero();
      assertThat(residentPages(address, length))
          .as("no page faulted in before first use, unlike Arena.allocate, which zero-fills")
          .isZero();
      buffer.set(ValueLayout.JAVA_BYTE, length - 1, (byte) 9);
      assertThat(buffer.get(ValueLayout.JAVA_BYTE, length - 1)).isEqualTo((byte) 9);
      assertThat(residentPages(address, length)).as("the touched page").isPositive();
    }
    assertThat(mapped(address, length)).as("unmapped when the arena closed").isFalse();
  }

  @Test
  void aMappingThatCannotBeMadeIsNullWithItsErrno() {
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      assertThat(posix.mapAnonymous(1L << 62, arena)).isEqualTo(MemorySegment.NULL);
      assertThat(posix.lastErrno()).isEqualTo(Errno.ENOMEM);
    }
  }

  /** Pages of [address, address + length) in memory, from the present bits of pagemap(5). */
  private static int residentPages(long address, long length) throws IOException {
    int pages = (int) (length / 4096);
    ByteBuffer entries = ByteBuffer.allocate(pages * 8).order(ByteOrder.nativeOrder());
    try (FileChannel pagemap = FileChannel.open(Path.of("/proc/self/pagemap"))) {
      pagemap.read(entries, address / 4096 * 8);
    }
    int present = 0;
    for (int i = 0; i < pages; i++) {
      present += entries.getLong(i * 8) < 0 ? 1 : 0; // bit 63: present
    }
    return present;
  }

  /** Whether any mapping in /proc/self/maps overlaps [address, address + length). */
  private static boolean mapped(long address, long length) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .map(l -> l.substring(0, l.indexOf(' ')).split("-"))
        .anyMatch(
            r ->
                Long.parseUnsignedLong(r[0], 16) < address + length
                    && Long.parseUnsignedLong(r[1], 16) > address);
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
