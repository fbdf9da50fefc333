package io.guestbench.agent.probe.os;

import static io.guestbench.agent.probe.os.SyscallProbeTest.scalars;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.agent.probe.os.libc.Libcs;
import io.guestbench.proto.v1.ProbeResult;
import io.guestbench.proto.v1.RunStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageFaultProbeTest {
  @Test
  void touchesFreshPagesForReal() throws Exception {
    ProbeResult r = probe(Libc.system(), "nitro").run(Tiny.run("region_bytes", "1048576"));

    assertThat(r.getStatus()).as(r.getStatusMessage()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(scalars(r).get("fault_seconds")).isBetween(10e-9, 0.1);
    assertThat(r.getDistributions(0).getName()).isEqualTo("fault_picos");
    assertThat(r.getParamsMap())
        .containsEntry("region_bytes", "1048576")
        .containsEntry("hugepages", "off")
        .containsEntry("thp", "madvise"); // the fixture's mode, recorded as found
    assertThat(Long.parseLong(r.getParamsMap().get("batch_ops"))).isBetween(1L, 256L);
  }

  @Test
  void theSystemsHugePagePolicyCanBeKept() throws Exception {
    ProbeResult r =
        probe(Libc.system(), "kvm").run(Tiny.run("region_bytes", "1048576", "hugepages", "system"));

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_OK);
    assertThat(r.getParamsMap()).containsEntry("hugepages", "system");
  }

  @Test
  void withoutMmapItIsSkipped() throws Exception {
    ProbeResult r = probe(Libcs.without("mmap"), "nitro").run(Tiny.run());

    assertThat(r.getStatus()).isEqualTo(RunStatus.RUN_STATUS_SKIPPED);
    assertThat(r.getStatusMessage()).isEqualTo("the C library has no mmap");
    assertThat(r.getParamsMap()).containsEntry("thp", "madvise");
  }

  @Test
  void regionsAreWholePagesWithinBounds() {
    PageFaultProbe probe = probe(Libc.system(), "nitro");

    assertThat(probe.check(Map.of("region_bytes", "100000")))
        .containsExactly("region_bytes: 100000 (expected: a multiple of 4096)");
    assertThat(probe.check(Map.of("region_bytes", "4096")))
        .containsExactly("region_bytes: 4096 (expected: 65536..1073741824)");
    assertThat(probe.check(Map.of("hugepages", "on")))
        .containsExactly("hugepages: on (expected: off or system)");
  }

  @Test
  void theThpModeIsParsed() {
    assertThat(Thp.parse("always [madvise] never\n")).isEqualTo("madvise");
    assertThat(Thp.parse("[always] madvise never")).isEqualTo("always");
    assertThat(Thp.parse("always madvise [never]")).isEqualTo("never");
    assertThat(Thp.parse("garbage")).isEqualTo("unknown");
    assertThat(Thp.parse("[sometimes]")).isEqualTo("unknown");
    assertThat(Thp.mode(HostFixtures.files("xen-pv-old-kernel"))).isEqualTo("unknown");
  }

  private static PageFaultProbe probe(Libc libc, String host) {
    return new PageFaultProbe(libc, Tiny.measurer(), HostFixtures.files(host));
  }
}
