package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  @Test
  void readsTicksAndFaultsAfterACommandNameWithSpacesAndParentheses() {
    String line =
        "4242 (java (a) b) S 1 4242 4242 0 -1 4194560 123456 0 7 0 3500 420 0 0 20 0 57 0 100"
            + " 9000000000 250000 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0"
            + " 0 0\n";

    ProcStat s = ProcStat.parse(line);

    assertThat(s).isEqualTo(new ProcStat(3500, 420, 123456, 7));
    assertThat(s.cpuTicks()).isEqualTo(3920);
  }

  @Test
  void readsCpuTicksOfARealProcess() throws Exception {
    long before = ProcStat.of("self").cpuTicks();
    long spin = 0;
    for (long end = System.nanoTime() + 100_000_000L; System.nanoTime() < end; ) {
      spin++;
    }
    assertThat(spin).isPositive();
    assertThat(ProcStat.of("self").cpuTicks()).isGreaterThan(before);
  }

  @Test
  void differencesOfTwoReadings() {
    ProcStat later = new ProcStat(300, 40, 5000, 2);
    assertThat(later.minus(new ProcStat(100, 10, 1000, 2)))
        .isEqualTo(new ProcStat(200, 30, 4000, 0));
  }

  @Test
  void touchingFreshMemoryShowsAsMinorFaultsOfThisProcess() throws Exception {
    ProcStat before = ProcStat.of("self");
    // Direct memory is fresh from the kernel (mmap) and zeroed on allocation: every page touched.
    java.nio.ByteBuffer fresh = java.nio.ByteBuffer.allocateDirect(64 << 20);
    ProcStat after = ProcStat.of("self");

    assertThat(fresh.get(fresh.capacity() - 1)).isZero();
    // At least one fault per 2 MiB, even where the kernel backs it with transparent huge pages.
    assertThat(after.minorFaults() - before.minorFaults()).isGreaterThanOrEqualTo(32);
  }
}
