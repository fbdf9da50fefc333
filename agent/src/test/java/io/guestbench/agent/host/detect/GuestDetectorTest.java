package io.guestbench.agent.host.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFile;
import io.guestbench.agent.host.HostFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestDetectorTest {
  private static final String FLAGS_HYPERVISOR =
      "processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: fpu tsc hypervisor lahf_lm\n";

  @Test
  void emptyRootIsUnknownAndSaysWhy(@TempDir Path root) {
    Detection d = new GuestDetector().detect(new SnapshotReader(new HostFiles(root)).read());

    assertThat(d.virtType()).isEqualTo(VirtType.UNKNOWN);
    assertThat(d.decidedBy().rule()).isEqualTo("hypervisor_flag");
    assertThat(d.decidedBy().observed())
        .isEqualTo("hypervisor flag unknown (/proc/cpuinfo missing) → unknown");
    assertThat(d.facts())
        .containsEntry("kernel_release", "unknown")
        .containsEntry("cpu_count", "unknown")
        .containsEntry("block_devices", "unknown")
        .containsEntry("container", "unknown")
        .doesNotContainKey("xen_guest_type");
    assertThat(d.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.rule()).isEqualTo("fact_kernel_release");
              assertThat(e.source()).isEqualTo("/proc/sys/kernel/osrelease");
              assertThat(e.observed()).isEqualTo("missing");
              assertThat(e.decided()).isFalse();
            });
  }

  @Test
  void laterRowsThatAlsoHoldAreMarkedNotDeciding() {
    Detection d = GuestDetectorFixtureTest.detect("xen-pvh-old-kernel");

    Evidence rowSeven = d.evidence().get(6);
    assertThat(rowSeven.rule()).isEqualTo("xen_no_firmware");
    assertThat(rowSeven.decided()).isFalse();
    assertThat(rowSeven.observed()).endsWith("(holds too, but row 5 came first)");
    assertThat(d.evidence().get(3).observed()).contains("bit 5 clear");
  }

  @Test
  void hvmWithPvDriversIsCalledPvhvm() {
    Detection d = GuestDetectorFixtureTest.detect("xen-hvm-pv-drivers");

    assertThat(d.evidence())
        .filteredOn(e -> e.rule().equals("xen_pv_drivers"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.observed())
                    .isEqualTo(
                        "block xvda:vbd; net eth0:vif; HVM with PV drivers is PVHVM → true"));
  }

  @Test
  void containerEvidenceNamesTheMarkers() {
    Detection d = GuestDetectorFixtureTest.detect("container-in-vm");

    assertThat(d.evidence())
        .filteredOn(e -> e.rule().equals("container"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.observed())
                    .isEqualTo(
                        "/.dockerenv present; /run/.containerenv missing;"
                            + " /proc/1/cgroup mentions docker → docker"));
  }

  @Test
  void vmWithoutDmiGetsAKvmClockHintButStaysUnknownVm() {
    Map<String, HostFile> files = new HashMap<>();
    put(files, HostPaths.CPUINFO, FLAGS_HYPERVISOR);
    put(files, HostPaths.AVAILABLE_CLOCKSOURCE, "tsc kvm-clock \n");

    Detection d = new GuestDetector().detect(new HostSnapshot(files, Map.of(), Map.of()));

    assertThat(d.virtType()).isEqualTo(VirtType.UNKNOWN_VM);
    assertThat(d.decidedBy().observed())
        .isEqualTo(
            "hypervisor flag present; kvm-clock is available, so probably KVM without DMI"
                + " naming it → unknown-vm");
    assertThat(d.facts()).containsEntry("clocksources_available", "tsc,kvm-clock");
  }

  @Test
  void ec2WithoutAFlagsLineIsNotCalledBareMetal() {
    Map<String, HostFile> files = new HashMap<>();
    put(
        files,
        HostPaths.CPUINFO,
        "processor\t: 0\nFeatures\t: fp asimd\n"); // arm64 prints no flags
    put(files, HostPaths.SYS_VENDOR, "Amazon EC2\n");
    put(files, HostPaths.PRODUCT_NAME, "m6g.large\n");

    Detection d = new GuestDetector().detect(new HostSnapshot(files, Map.of(), Map.of()));

    assertThat(d.virtType()).isEqualTo(VirtType.UNKNOWN);
    assertThat(d.evidence().get(8).observed())
        .isEqualTo(
            "sys_vendor \"Amazon EC2\"; hypervisor flag unknown (no flags line);"
                + " product_name \"m6g.large\"");
    assertThat(d.facts()).containsEntry("hypervisor_flag", "unknown");
  }

  @Test
  void sameSnapshotSameAnswer() {
    HostSnapshot snapshot =
        new SnapshotReader(io.guestbench.agent.host.HostFixtures.files("nitro")).read();

    assertThat(new GuestDetector().detect(snapshot))
        .isEqualTo(new GuestDetector().detect(snapshot));
    assertThat(snapshot.directories()).containsEntry("/sys/block", List.of("loop0", "nvme0n1"));
    assertThat(snapshot.links())
        .containsEntry("/sys/block/nvme0n1/device/device/driver", "nvme")
        .doesNotContainKey("/sys/block/nvme0n1/device/driver");
  }

  private static void put(Map<String, HostFile> files, String path, String text) {
    files.put(path, new HostFile(path, text, null));
  }
}
