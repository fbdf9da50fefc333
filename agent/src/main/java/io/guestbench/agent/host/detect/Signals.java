package io.guestbench.agent.host.detect;

import io.guestbench.agent.host.HostFile;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The parsed inputs of the decision table, derived from a snapshot without further I/O.
 *
 * @param pciIds {@code vendor:device} of every PCI function, for example {@code 5853:0001}
 * @param pciListed whether {@code /sys/bus/pci/devices} exists (Xen PV guests have no PCI bus)
 */
record Signals(
    HostFile hypervisorType,
    HostFile guestType,
    HostFile features,
    boolean procXen,
    Dmi dmi,
    HostFile cpuinfo,
    CpuInfo cpu,
    List<String> pciIds,
    boolean pciListed,
    Devices block,
    Devices net,
    HostFile clocksources) {
  Signals {
    pciIds = List.copyOf(pciIds);
  }

  static Signals of(HostSnapshot s) {
    HostFile cpuinfo = s.file(HostPaths.CPUINFO);
    return new Signals(
        s.file(HostPaths.HYPERVISOR_TYPE),
        s.file(HostPaths.GUEST_TYPE),
        s.file(HostPaths.XEN_FEATURES),
        s.directory(HostPaths.PROC_XEN).isPresent(),
        Dmi.of(s),
        cpuinfo,
        cpuinfo.content().map(CpuInfo::parse).orElse(CpuInfo.UNREADABLE),
        pciIds(s),
        s.directory(HostPaths.PCI_DEVICES).isPresent(),
        Devices.of(s, HostPaths.BLOCK),
        Devices.of(s, HostPaths.NET),
        s.file(HostPaths.AVAILABLE_CLOCKSOURCE));
  }

  /** {@code /sys/hypervisor/type} says xen, or {@code /proc/xen} exists. */
  boolean xen() {
    return Text.value(hypervisorType).filter("xen"::equals).isPresent() || procXen;
  }

  /** Why {@link #xen()} holds or not, as evidence. */
  String xenEvidence() {
    return "type "
        + Text.describe(hypervisorType)
        + ", /proc/xen "
        + (procXen ? "present" : "missing");
  }

  /** PV, PVH or HVM; anything else is no usable guest type. */
  Optional<String> knownGuestType() {
    return Text.value(guestType).filter(v -> List.of("PV", "PVH", "HVM").contains(v));
  }

  /**
   * The Xen feature bits: the kernel prints each 32-bit submap as {@code %08x}, highest first, so
   * the whole string is one hexadecimal number.
   */
  Optional<BigInteger> featureBits() {
    return Text.value(features)
        .filter(v -> v.matches("[0-9a-fA-F]{1,64}"))
        .map(v -> new BigInteger(v, 16));
  }

  /** The features as evidence: the raw value and whether it parsed. */
  String featuresEvidence() {
    String raw = Text.describe(features);
    return featureBits().isPresent() || features.content().isEmpty()
        ? "features " + raw
        : "features " + raw + " (not hexadecimal)";
  }

  /** KVM's paravirtual clock is offered: a hint, not a rule, when nothing else names KVM. */
  boolean kvmClock() {
    return Text.value(clocksources)
        .map(v -> List.of(v.split("\\s+")).contains("kvm-clock"))
        .orElse(false);
  }

  /** The hypervisor CPU flag as evidence, with the reason when it is unknown. */
  String flagEvidence() {
    return switch (cpu.hypervisor()) {
      case PRESENT -> "hypervisor flag present";
      case ABSENT -> "hypervisor flag absent";
      case UNKNOWN ->
          cpuinfo.content().isPresent()
              ? "hypervisor flag unknown (no flags line)"
              : "hypervisor flag unknown (/proc/cpuinfo " + cpuinfo.problem() + ")";
    };
  }

  private static List<String> pciIds(HostSnapshot s) {
    return s.directory(HostPaths.PCI_DEVICES).orElse(List.of()).stream()
        .map(name -> HostPaths.PCI_DEVICES + "/" + name)
        .map(dir -> hex(s.file(dir + "/vendor")) + ":" + hex(s.file(dir + "/device")))
        .toList();
  }

  private static String hex(HostFile file) {
    return Text.value(file).map(v -> v.startsWith("0x") ? v.substring(2) : v).orElse("?");
  }
}
