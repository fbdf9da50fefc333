package io.guestbench.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void groupsThreadsByNameWithoutTheirNumbers() {
    assertThat(ThreadCpu.kind("grpc-call-3")).isEqualTo("grpc-call");
    assertThat(ThreadCpu.kind("grpc-nio-worker-ELG-3-1")).isEqualTo("grpc-nio-worker-ELG");
    assertThat(ThreadCpu.kind("GC Thread#0")).isEqualTo("GC Thread");
    assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    assertThat(ThreadCpu.kind("journal-writer")).isEqualTo("journal-writer");
    assertThat(ThreadCpu.kind("42")).isEqualTo("42");
  }

  @Test
  void readsNameAndTicksOfAStatLineWhoseNameHoldsSpacesAndParentheses() {
    String stat = "4711 (odd (name) 1) S 1 2 3 4 5 6 7 8 9 10 250 17 0 0 20 0 1 0 99 0 0";
    assertThat(ThreadCpu.comm(stat)).isEqualTo("odd (name) 1");
    assertThat(ProcStat.parse(stat).cpuTicks()).isEqualTo(267);
  }

  @Test
  void showsEachKindsCoresLargestFirst() {
    Map<String, Long> before = Map.of("grpc-call", 100L, "GC Thread", 10L, "idle", 5L);
    Map<String, Long> after = Map.of("grpc-call", 300L, "GC Thread", 60L, "idle", 5L, "new", 1L);
    assertThat(ThreadCpu.cores(before, after, 100))
        .isEqualTo("grpc-call 2.00, GC Thread 0.50, new 0.01");
  }

  @Test
  void findsABusyThreadOfThisProcess() throws Exception {
    Thread spinner =
        Thread.ofPlatform()
            .name("spinner-7")
            .start(
                () -> {
                  for (long end = System.nanoTime() + 400_000_000L; System.nanoTime() < end; ) {
                    Thread.onSpinWait();
                  }
                });
    Thread.sleep(250); // read while it runs: an ended thread is gone from /proc
    Map<String, Long> ticks = ThreadCpu.ticksByKind("self");
    spinner.join();
    assertThat(ticks.getOrDefault("spinner", 0L)).isPositive();
  }
}
