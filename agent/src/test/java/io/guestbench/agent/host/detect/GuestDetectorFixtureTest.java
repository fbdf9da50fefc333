package io.guestbench.agent.host.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestbench.agent.host.HostFixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture host: the type, the rule that decided it, what that rule saw, and key facts. */
class GuestDetectorFixtureTest {
  /** One scenario and what detection must say about it. */
  record Scenario(
      String name, VirtType type, String rule, String observed, Map<String, String> facts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario(
            "xen-pv-new-kernel",
            VirtType.XEN_PV,
            "guest_type_pv",
            "\"PV\" → xen-pv",
            Map.of(
                "xen_pv_drivers", "true",
                "clocksource", "xen",
                "block_devices", "xvda1:vbd",
                "aws_xen", "true",
                "mitigation_meltdown",
                    "Unknown (XEN PV detected, hypervisor mitigation required)")),
        new Scenario(
            "xen-pv-old-kernel",
            VirtType.XEN_PV,
            "xen_features_pv",
            "type \"xen\", /proc/xen present; guest_type missing; features \"000000e0\", bit 5 set",
            Map.of("xen_pv_drivers", "true", "xen_version", "3.4.amazon")),
        new Scenario(
            "xen-hvm-pv-drivers",
            VirtType.XEN_HVM,
            "guest_type_hvm",
            "\"HVM\" → xen-hvm",
            Map.of(
                "xen_pv_drivers", "true",
                "sriov", "none",
                "nvme", "false",
                "aws_xen", "true",
                "net_devices", "eth0:vif")),
        new Scenario(
            "xen-hvm-ixgbevf",
            VirtType.XEN_HVM,
            "guest_type_hvm",
            "\"HVM\"",
            Map.of("sriov", "ixgbevf", "net_devices", "eth0:ixgbevf", "xen_pv_drivers", "true")),
        new Scenario(
            "xen-hvm-ena",
            VirtType.XEN_HVM,
            "guest_type_hvm",
            "\"HVM\"",
            Map.of(
                "sriov", "ena",
                "nvme", "true",
                "block_devices", "nvme0n1:nvme,xvda:vbd",
                "bios_version", "4.11.amazon")),
        new Scenario(
            "xen-pvh", VirtType.XEN_PVH, "guest_type_pvh", "\"PVH\"", Map.of("aws_xen", "false")),
        new Scenario(
            "xen-pvh-old-kernel",
            VirtType.XEN_PVH,
            "xen_features_pvh",
            "features \"0000270d\", bit 3 set, bit 8 set → xen-pvh",
            Map.of("xen_features", "0000270d", "xen_guest_type", "unknown")),
        new Scenario(
            "nitro",
            VirtType.NITRO,
            "ec2_nitro",
            "sys_vendor \"Amazon EC2\"; hypervisor flag present → nitro",
            Map.of(
                "product_name", "m5.large",
                "nvme", "true",
                "sriov", "ena",
                "net_devices", "ens5:ena",
                "clocksource", "kvm-clock",
                "container", "none")),
        new Scenario(
            "ec2-bare-metal",
            VirtType.BARE_METAL,
            "ec2_metal",
            "sys_vendor \"Amazon EC2\"; hypervisor flag absent; product_name \"c5.metal\"",
            Map.of("hypervisor_flag", "false", "nvme", "true", "sriov", "ena")),
        new Scenario(
            "kvm",
            VirtType.KVM,
            "kvm_dmi",
            "hypervisor flag present; sys_vendor \"QEMU\"",
            Map.of("block_devices", "vda:virtio_blk", "net_devices", "enp1s0:virtio_net")),
        new Scenario(
            "bare-metal",
            VirtType.BARE_METAL,
            "hypervisor_flag",
            "hypervisor flag absent → bare-metal",
            Map.of(
                "sys_vendor", "Dell Inc.",
                "mitigations_vulnerable", "spec_store_bypass,spectre_v2",
                "hypervisor_flag", "false")),
        new Scenario(
            "container-in-vm",
            VirtType.KVM,
            "kvm_dmi",
            "KVM/QEMU in DMI yes → kvm",
            Map.of("container", "docker", "net_devices", "none")),
        new Scenario(
            "broken-guest-type",
            VirtType.XEN_HVM,
            "xen_hvm_platform",
            "sys_vendor \"Xen\", product_name \"HVM domU\"; PCI 5853:0001 present",
            Map.of("xen_guest_type", "G?rbage")),
        new Scenario(
            "broken-dmi",
            VirtType.UNKNOWN_VM,
            "hypervisor_flag",
            "hypervisor flag present → unknown-vm",
            Map.of("sys_vendor", "unknown", "memory_bytes", "unknown", "thp", "unknown")),
        new Scenario(
            "broken-features",
            VirtType.XEN_PV,
            "xen_no_firmware",
            "xen yes; DMI absent; 0 PCI devices → xen-pv",
            Map.of("xen_features", "zz-not-hex")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void decidesTheTypeWithTheKeyEvidence(Scenario scenario) {
    Detection detection = detect(scenario.name());

    assertThat(detection.virtType()).isEqualTo(scenario.type());
    assertThat(detection.decidedBy().rule()).isEqualTo(scenario.rule());
    assertThat(detection.decidedBy().observed()).contains(scenario.observed());
    assertThat(detection.facts()).containsAllEntriesOf(scenario.facts());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyRowIsReportedInOrderWithinTheFactBudget(Scenario scenario) {
    Detection detection = detect(scenario.name());

    List<String> rows = detection.evidence().stream().limit(11).map(Evidence::rule).toList();
    assertThat(rows).isEqualTo(GuestRules.TABLE.stream().map(GuestRules.Rule::name).toList());
    assertThat(detection.evidence()).filteredOn(Evidence::decided).hasSize(1);
    // Room is left for instance metadata and whatever else is merged later.
    assertThat(detection.facts()).hasSizeLessThanOrEqualTo(FactSheet.MAX_FACTS - 16);
    assertThat(detection.facts().values()).allSatisfy(v -> assertThat(v).hasSizeBetween(1, 256));
    assertThat(detection.facts()).containsKeys("clocksource", "kernel_release", "container");
  }

  static Detection detect(String scenario) {
    return new GuestDetector().detect(new SnapshotReader(HostFixtures.files(scenario)).read());
  }
}
