package io.guestbench.agent.probe.mem;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.StealSampler;
import io.guestbench.agent.probe.method.Measurer;
import io.guestbench.common.time.Clock;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import io.guestbench.proto.v1.Scalar;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemProbesTest {
  private static final Map<String, String> TINY =
      Map.of("warmup", "0s", "repetition", "3ms", "min_repetitions", "2", "max_repetitions", "2");
  private static final HostFiles HOST = HostFixtures.files("kvm");
  private static final Measurer MEASURER = new Measurer(Clock.system(), new StealSampler(HOST));

  @Test
  void bothStreamKernelsRunForReal() throws Exception {
    MemBandwidthProbe probe = new MemBandwidthProbe(MEASURER, HOST);
    for (String kernel : new String[] {"copy", "triad"}) {
      ProbeResult r = probe.run(run("kernel", kernel, "array_bytes", "1048576"));

      assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
      assertThat(r.getKind()).isEqualTo(ProbeKind.PROBE_KIND_CPU);
      assertThat(r.getParamsMap())
          .containsEntry("kernel", kernel)
          .containsEntry("array_bytes", "1048576");
      assertThat(scalar(r, "bytes_per_second")).isBetween(1e6, 1e13);
      assertThat(r.getDistributions(0).getName()).isEqualTo("pass_picos");
    }
  }

  @Test
  void theChaseRunsForReal() throws Exception {
    ProbeResult r = new MemLatencyProbe(MEASURER, HOST).run(run("buffer_bytes", "1048576"));

    assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(scalar(r, "load_seconds")).isBetween(1e-10, 1e-3);
    assertThat(r.getDistributions(0).getName()).isEqualTo("load_picos");
    assertThat(Long.parseLong(r.getParamsMap().get("batch_ops"))).isGreaterThanOrEqualTo(1024);
  }

  @Test
  void theChaseIsOneCycleThroughEveryLine() {
    long lines = 1000;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = arena.allocate(lines * 64);
      PointerChase.link(buffer, lines, 42);

      BitSet seen = new BitSet();
      long p = 0;
      for (long i = 0; i < lines; i++) {
        assertThat(seen.get((int) (p / 64))).as("line %d seen twice", p / 64).isFalse();
        seen.set((int) (p / 64));
        p = buffer.get(JAVA_LONG, p);
      }
      assertThat(seen.cardinality()).isEqualTo(1000);
      assertThat(p).isZero();
    }
  }

  @Test
  void splitMixMatchesItsReferenceOutput() {
    // The first outputs for seed 0, from the algorithm's published C reference.
    PointerChase.SplitMix64 r = new PointerChase.SplitMix64(0);
    assertThat(r.next()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(r.next()).isEqualTo(0x6E789E6AA1B965F4L);
  }

  @Test
  void sizesAreCheckedAndDefaultToTheCache() {
    MemBandwidthProbe probe = new MemBandwidthProbe(MEASURER, HOST);

    assertThat(probe.check(Map.of("array_bytes", "1000")))
        .containsExactly(
            "array_bytes: 1000 (expected: 0 (sized from the cache) or a multiple of 64 from"
                + " 1048576)");
    assertThat(probe.check(Map.of("kernel", "scale")))
        .containsExactly("kernel: scale (expected: copy or triad)");
    assertThat(new MemLatencyProbe(MEASURER, HOST).check(Map.of("array_bytes", "0"))).hasSize(1);
  }

  private static ProbeRun run(String... more) {
    Map<String, String> params = new HashMap<>(TINY);
    for (int i = 0; i < more.length; i += 2) {
      params.put(more[i], more[i + 1]);
    }
    return new ProbeRun("mem-1", params, ProbeRun.Progress.NONE);
  }

  private static double scalar(ProbeResult r, String name) {
    return r.getScalarsList().stream()
        .filter(s -> s.getName().equals(name))
        .mapToDouble(Scalar::getValue)
        .findFirst()
        .orElseThrow();
  }
}
