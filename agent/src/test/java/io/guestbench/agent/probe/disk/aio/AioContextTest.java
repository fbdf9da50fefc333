package io.guestbench.agent.probe.disk.aio;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.probe.disk.linux.Arch;
import io.guestbench.agent.probe.disk.linux.Errno;
import io.guestbench.agent.probe.disk.linux.Posix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AioContextTest {
  @TempDir Path dir;

  @Test
  void layoutsMatchTheKernelAbi() {
    assertThat(AioAbi.IOCB.byteSize()).isEqualTo(64);
    assertThat(AioAbi.IOCB.byteOffset(groupElement("aio_lio_opcode"))).isEqualTo(16);
    assertThat(AioAbi.IOCB.byteOffset(groupElement("aio_fildes"))).isEqualTo(20);
    assertThat(AioAbi.IOCB.byteOffset(groupElement("aio_buf"))).isEqualTo(24);
    assertThat(AioAbi.IOCB.byteOffset(groupElement("aio_nbytes"))).isEqualTo(32);
    assertThat(AioAbi.IOCB.byteOffset(groupElement("aio_offset"))).isEqualTo(40);
    assertThat(AioAbi.IOCB.byteOffset(groupElement("aio_flags"))).isEqualTo(56);
    assertThat(AioAbi.IO_EVENT.byteSize()).isEqualTo(32);
    assertThat(AioAbi.IO_EVENT.byteOffset(groupElement("res"))).isEqualTo(16);
  }

  @Test
  void submitsTwoReadsAndReapsBoth() throws IOException {
    Path file = dir.resolve("f");
    byte[] content = new byte[8192];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i / 4096 + 1); // block 0 is all 1s, block 1 all 2s
    }
    Files.write(file, content);
    Arch arch = Arch.current().orElseThrow();
    try (Arena arena = Arena.ofConfined()) {
      Posix posix = new Posix(arena);
      int fd = posix.open(file, Posix.O_RDONLY, 0);
      AioContext ctx = ((AioContext.Ready) AioContext.open(arch, arena, 2)).context();
      MemorySegment iocbs = arena.allocate(AioAbi.IOCB, 2);
      MemorySegment buffers = arena.allocate(8192, 4096);
      MemorySegment pointers = arena.allocate(ValueLayout.ADDRESS, 2);
      for (int i = 0; i < 2; i++) {
        MemorySegment iocb = iocbs.asSlice(i * 64L, 64);
        AioAbi.prepare(
            iocb, 10 + i, AioAbi.CMD_PREAD, fd, buffers.asSlice(i * 4096L, 4096), (1 - i) * 4096L);
        pointers.setAtIndex(ValueLayout.ADDRESS, i, iocb);
      }

      assertThat(ctx.submit(pointers, 2)).isEqualTo(2);
      MemorySegment events = arena.allocate(AioAbi.IO_EVENT, 2);
      long got = 0;
      while (got < 2) {
        long n = ctx.getEvents(1, 2, events.asSlice(got * 32), MemorySegment.NULL);
        assertThat(n).isPositive();
        got += n;
      }
      for (int i = 0; i < 2; i++) {
        assertThat(AioAbi.eventResult(events, i)).isEqualTo(4096);
        assertThat(AioAbi.eventData(events, i)).isIn(10L, 11L);
      }
      assertThat(buffers.get(ValueLayout.JAVA_BYTE, 0))
          .as("slot 0 read block 1")
          .isEqualTo((byte) 2);
      assertThat(buffers.get(ValueLayout.JAVA_BYTE, 4096)).isEqualTo((byte) 1);
      ctx.close();
      ctx.close(); // idempotent
      posix.close(fd);
    }
  }

  @Test
  void aFailedSetupIsAnErrnoNotAnException() {
    try (Arena arena = Arena.ofConfined()) {
      AioContext.Opened opened = AioContext.open(Arch.current().orElseThrow(), arena, -1);
      assertThat(opened).isEqualTo(new AioContext.Failed(Errno.EINVAL));
    }
  }
}
