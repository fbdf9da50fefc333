package io.guestbench.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YieldingOutputTest {
  /** Each write of the page "costs" cpu nanoseconds and takes wall nanoseconds to get them. */
  private static final class FakeThread implements YieldingOutput.Clocks {
    long wall;
    long cpu;
    boolean measurable = true;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long wallNanos() {
      return wall;
    }

    @Override
    public long cpuNanos() {
      return measurable ? cpu : -1;
    }

    @Override
    public void sleepNanos(long nanos) {
      sleeps.add(nanos);
      wall += nanos;
    }

    OutputStream costing(long cpuPerWrite, long wallPerWrite, ByteArrayOutputStream into) {
      return new OutputStream() {
        @Override
        public void write(int b) {
          into.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          into.write(b, off, len);
          cpu += cpuPerWrite;
          wall += wallPerWrite;
        }
      };
    }
  }

  private static final byte[] CHUNK = new byte[64 * 1024];

  @Test
  void onFreeCoresThePageIsWrittenWithoutAPause() throws IOException {
    FakeThread thread = new FakeThread();
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    try (YieldingOutput out = new YieldingOutput(thread.costing(200_000, 210_000, page), thread)) {
      for (int i = 0; i < 100; i++) {
        out.write(CHUNK);
      }
    }
    assertThat(thread.sleeps).isEmpty();
    assertThat(page.size()).isEqualTo(100 * CHUNK.length);
  }

  @Test
  void whileTheThreadWaitsForACoreItSleepsThreeTimesTheCpuEachChunkTook() throws IOException {
    FakeThread thread = new FakeThread();
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    try (YieldingOutput out = new YieldingOutput(thread.costing(200_000, 400_000, page), thread)) {
      for (int i = 0; i < 10; i++) {
        out.write(CHUNK);
      }
      assertThat(out.pausedNanos()).isEqualTo(10 * 600_000L);
    }
    assertThat(thread.sleeps).hasSize(10).containsOnly(600_000L);
    assertThat(page.size()).as("nothing lost to the pauses").isEqualTo(10 * CHUNK.length);
  }

  @Test
  void thePausesOfOnePageStopAtTheirBound() throws IOException {
    FakeThread thread = new FakeThread();
    try (YieldingOutput out =
        new YieldingOutput(
            thread.costing(100_000_000, 300_000_000, new ByteArrayOutputStream()), thread)) {
      for (int i = 0; i < 20; i++) {
        out.write(CHUNK);
      }
      assertThat(out.pausedNanos()).isEqualTo(YieldingOutput.MAX_PAUSE_NANOS);
    }
    assertThat(thread.sleeps.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(YieldingOutput.MAX_PAUSE_NANOS);
  }

  @Test
  void withoutTheThreadsCpuTimeItNeverPauses() throws IOException {
    FakeThread thread = new FakeThread();
    thread.measurable = false;
    try (YieldingOutput out =
        new YieldingOutput(
            thread.costing(200_000, 2_000_000, new ByteArrayOutputStream()), thread)) {
      for (int i = 0; i < 10; i++) {
        out.write(CHUNK);
      }
    }
    assertThat(thread.sleeps).isEmpty();
  }
}
